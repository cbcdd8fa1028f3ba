package org.opennrm.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.io.IOException;
import java.nio.file.Files;

import org.junit.jupiter.api.Test;

/**
 * How the tests' balancer reads the shipped {@code haproxy.cfg}, checked where HAProxy is not installed too: an edit to
 * the file that the balancer could no longer follow fails here, not only on machines that run it.
 */
class BalancerTest {

	@Test
	void the_shipped_file_listens_on_the_given_port_and_sends_to_the_given_nodes_and_nothing_else_changes()
			throws IOException {
		String shipped = Files.readString(Balancer.CONFIGURATION);

		String local = Balancer.configuration(shipped, 41000, 41001, 41002);

		assertThat(local).contains("bind 127.0.0.1:41000", "server node1 127.0.0.1:41001", "server node2 127.0.0.1:41002")
			.doesNotContain("bind :8080", "node1:8080", "node2:8080");
		assertThat(local.lines().filter(line -> !shipped.lines().toList().contains(line)))
			.as("lines changed")
			.hasSize(3);
	}

	@Test
	void a_file_naming_other_nodes_than_were_started_is_refused() throws IOException {
		String shipped = Files.readString(Balancer.CONFIGURATION);

		assertThatIllegalStateException().isThrownBy(() -> Balancer.configuration(shipped, 41000, 41001))
			.withMessageContaining("more nodes");
		assertThatIllegalStateException().isThrownBy(() -> Balancer.configuration(shipped, 41000, 41001, 41002, 41003))
			.withMessageContaining("names 2 nodes, not 3");
	}

	@Test
	void only_servers_of_the_nodes_whose_http_check_passed_count() {
		String csv = """
				# pxname,svname,qcur,status,check_status,check_code
				service,FRONTEND,,OPEN,,
				nodes,node1,0,UP,L7OK,200
				nodes,node2,0,DOWN,L7STS,404
				nodes,BACKEND,0,UP,,
				test-statistics,FRONTEND,,OPEN,,
				""";

		assertThat(Balancer.checksPassed(csv)).isOne();
		assertThat(Balancer.checksPassed(csv.replace("L7STS", "L7OK"))).isEqualTo(2);
		assertThat(Balancer.checksPassed("")).isZero();
	}
}
