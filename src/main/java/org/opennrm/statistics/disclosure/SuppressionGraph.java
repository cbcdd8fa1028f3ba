package org.opennrm.statistics.disclosure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The cells of a table with its totals as the edges of a graph, and the search for secondary suppressions on it.
 * <p>
 * <b>The graph.</b> A two-way table of R rows and C columns with its totals is an (R+1) x (C+1) table: the last
 * row holds the column totals, the last column the row totals, the corner the grand total. Each of its R+1 rows
 * and C+1 columns is one node; each cell is one edge between its row node and its column node. Every node states
 * one equation: the cells of a row add up to its total, and so on. Giving interior cells and the grand total the
 * sign +1 and the other totals &minus;1 (the product of a sign per row and per column, &minus;1 for the totals'
 * row and column), every node's signed cells add up to zero. A one-way table is the same with two nodes: each
 * category and the total is an edge between them, and both nodes state "the categories add up to the total".
 * <p>
 * <b>What an attacker can work out.</b> The suppressed cells are the unknowns; the released cells are known. All
 * values that fit the equations differ from the true values by a signed flow around cycles of suppressed edges.
 * Without more knowledge, a suppressed cell is therefore exactly recoverable if and only if its edge lies on no
 * cycle of suppressed edges (it is a bridge). An attacker also knows that counts are never negative: a cell whose
 * true count is 0 cannot go down. So a cycle only hides its cells if, in one of its two directions of travel,
 * every zero cell on it goes up. Traversing an edge from its row node to its column node moves its cell by its
 * sign, the other way round by minus its sign. So a zero cell is a one-way arc, a non-zero cell a two-way arc,
 * and a suppressed cell is safe exactly when it lies on a directed cycle of suppressed arcs. (If no such cycle
 * exists the cell's value is fixed in every non-negative solution; if one exists, moving a little along it gives
 * another non-negative solution with a different value. This is the exact linear-programming audit, not an
 * approximation of it: the equations form a network, whose solutions decompose into such cycles.) The rule "all
 * suppressed cells of a line add up to 0, so all are 0" is one case of it: at such a node every arc leaves.
 * <p>
 * <b>The repair.</b> For each suppressed cell not on such a cycle, the cheapest path that closes one is found with
 * Dijkstra's algorithm: suppressed cells cost nothing, released cells cost their count (so the partners carry
 * weight and few persons are hidden), and the released cells on the path are suppressed. Zero cells are always
 * primary suppressions (every threshold is at least 2), so every partner is a non-zero cell. A newly suppressed
 * cell lies on the cycle that was just closed, and suppressing more only adds cycles, so the loop ends; it runs
 * until a whole pass adds nothing. Ties are broken by position, so the result is deterministic.
 */
final class SuppressionGraph {

	private final int nodes;

	/** The row-side node of each edge (its row, or in a one-way table node 0). */
	private final int[] from;

	/** The column-side node of each edge. */
	private final int[] to;

	/** +1 for interior cells and the grand total, -1 for the other totals. */
	private final int[] sign;

	private final long[] value;

	private final CellStatus[] status;

	private final int[][] incident;

	private SuppressionGraph(int nodes, int[] from, int[] to, int[] sign, long[] value) {
		this.nodes = nodes;
		this.from = from;
		this.to = to;
		this.sign = sign;
		this.value = value;
		this.status = new CellStatus[value.length];
		Arrays.fill(this.status, CellStatus.RELEASED);
		List<List<Integer>> edgesAt = new ArrayList<>();
		for (int node = 0; node < nodes; node++) {
			edgesAt.add(new ArrayList<>());
		}
		for (int edge = 0; edge < value.length; edge++) {
			edgesAt.get(from[edge]).add(edge);
			edgesAt.get(to[edge]).add(edge);
		}
		this.incident = edgesAt.stream().map(edges -> edges.stream().mapToInt(Integer::intValue).toArray())
			.toArray(int[][]::new);
	}

	/**
	 * The graph of a table. Edges of a two-way table are numbered row by row over the (R+1) x (C+1) table with
	 * totals; those of a one-way table are the categories in order, then the total.
	 */
	static SuppressionGraph of(CountTable table) {
		return table.isTwoWay() ? twoWay(table) : oneWay(table);
	}

	private static SuppressionGraph oneWay(CountTable table) {
		int categories = table.rows().size();
		int edges = categories + 1;
		int[] from = new int[edges];
		int[] to = new int[edges];
		int[] sign = new int[edges];
		long[] value = new long[edges];
		for (int category = 0; category < categories; category++) {
			to[category] = 1;
			sign[category] = 1;
			value[category] = table.count(category);
		}
		to[categories] = 1;
		sign[categories] = -1;
		value[categories] = table.total();
		return new SuppressionGraph(2, from, to, sign, value);
	}

	private static SuppressionGraph twoWay(CountTable table) {
		int rows = table.rows().size();
		int columns = table.columns().size();
		int width = columns + 1;
		int edges = (rows + 1) * width;
		int[] from = new int[edges];
		int[] to = new int[edges];
		int[] sign = new int[edges];
		long[] value = new long[edges];
		for (int row = 0; row <= rows; row++) {
			for (int column = 0; column <= columns; column++) {
				int edge = row * width + column;
				from[edge] = row;
				to[edge] = rows + 1 + column;
				sign[edge] = (row < rows ? 1 : -1) * (column < columns ? 1 : -1);
				value[edge] = row < rows ? (column < columns ? table.count(row, column) : table.rowTotal(row))
						: (column < columns ? table.columnTotal(column) : table.total());
			}
		}
		return new SuppressionGraph(rows + 1 + width, from, to, sign, value);
	}

	/** How many cells (edges) the table has, margins included. */
	int edgeCount() {
		return this.value.length;
	}

	/** Suppresses every cell below the threshold, then as few persons as it finds needed to protect them. */
	CellStatus[] protect(SuppressionPolicy policy, boolean[] withheld) {
		for (int edge = 0; edge < this.value.length; edge++) {
			if (policy.isBelowThreshold(this.value[edge])) {
				this.status[edge] = CellStatus.PRIMARY;
			}
			else if (withheld[edge]) {
				this.status[edge] = CellStatus.SECONDARY;
			}
		}
		boolean changed = true;
		while (changed) {
			changed = false;
			for (int edge = 0; edge < this.value.length; edge++) {
				if (this.status[edge].isSuppressed() && !isHidden(edge)) {
					hide(edge);
					changed = true;
				}
			}
		}
		return this.status.clone();
	}

	/** Whether a suppressed edge lies on a directed cycle of suppressed arcs. */
	private boolean isHidden(int edge) {
		for (boolean forward : directions(edge)) {
			Path path = cheapestPath(edge, forward, false);
			if (path != null) {
				return true;
			}
		}
		return false;
	}

	/** Suppresses the released cells of the cheapest cycle through a suppressed edge. */
	private void hide(int edge) {
		Path best = null;
		for (boolean forward : directions(edge)) {
			Path path = cheapestPath(edge, forward, true);
			if (path != null && (best == null || path.cost < best.cost)) {
				best = path;
			}
		}
		if (best == null) {
			// Cannot happen: with every cell suppressed each one lies on such a cycle. Withhold all rather than leak.
			for (int other = 0; other < this.status.length; other++) {
				if (!this.status[other].isSuppressed()) {
					this.status[other] = CellStatus.SECONDARY;
				}
			}
			return;
		}
		for (int partner : best.edges) {
			if (!this.status[partner].isSuppressed()) {
				this.status[partner] = CellStatus.SECONDARY;
			}
		}
	}

	/** The directions an edge may be travelled on a hiding cycle: both if non-zero, the rising one if zero. */
	private boolean[] directions(int edge) {
		if (this.value[edge] != 0) {
			return new boolean[] { true, false };
		}
		return new boolean[] { rises(edge, true) };
	}

	/** Whether travelling an edge forward (row node to column node) or backward makes its count go up. */
	private boolean rises(int edge, boolean forward) {
		return (forward ? this.sign[edge] : -this.sign[edge]) > 0;
	}

	/**
	 * The cheapest path back from the far end of {@code edge} (travelled in the given direction) to its near end,
	 * not using {@code edge} itself: over suppressed arcs only, or also over released cells at the cost of their
	 * count. Null if there is none.
	 */
	private Path cheapestPath(int edge, boolean forward, boolean mayUseReleased) {
		int start = forward ? this.to[edge] : this.from[edge];
		int goal = forward ? this.from[edge] : this.to[edge];
		long[] distance = new long[this.nodes];
		int[] via = new int[this.nodes];
		Arrays.fill(distance, Long.MAX_VALUE);
		Arrays.fill(via, -1);
		distance[start] = 0;
		PriorityQueue<long[]> queue = new PriorityQueue<>(
				(a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
		queue.add(new long[] { 0, start });
		while (!queue.isEmpty()) {
			long[] head = queue.poll();
			int node = (int) head[1];
			if (head[0] > distance[node]) {
				continue;
			}
			if (node == goal) {
				break;
			}
			for (int next : this.incident[node]) {
				if (next == edge) {
					continue;
				}
				boolean outward = this.from[next] == node;
				boolean suppressed = this.status[next].isSuppressed();
				if ((!suppressed && !mayUseReleased) || (this.value[next] == 0 && !rises(next, outward))) {
					continue;
				}
				int other = outward ? this.to[next] : this.from[next];
				long cost = saturatedSum(distance[node], suppressed ? 0 : this.value[next]);
				if (cost < distance[other]) {
					distance[other] = cost;
					via[other] = next;
					queue.add(new long[] { cost, other });
				}
			}
		}
		if (distance[goal] == Long.MAX_VALUE) {
			return null;
		}
		List<Integer> edges = new ArrayList<>();
		for (int node = goal; node != start;) {
			int step = via[node];
			edges.add(step);
			node = this.from[step] == node ? this.to[step] : this.from[step];
		}
		return new Path(distance[goal], edges);
	}

	private static long saturatedSum(long a, long b) {
		long sum = a + b;
		return sum < 0 ? Long.MAX_VALUE - 1 : sum;
	}

	private record Path(long cost, List<Integer> edges) {
	}
}
