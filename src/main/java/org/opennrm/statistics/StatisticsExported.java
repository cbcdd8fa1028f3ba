package org.opennrm.statistics;

import java.time.Instant;

/**
 * Statistics left the system: a national table, the Eurostat table, the regional template or the CTDC record export.
 *
 * @param userId who asked for it
 * @param export what, e.g. {@code table:registered-victims-by-sex-and-age}, {@code eurostat}, {@code ctdc}
 * @param period the period, e.g. {@code 2026-Q1..2026-Q4}
 * @param jurisdiction the jurisdiction, {@code null} for all
 * @param format {@code json} or {@code csv}, or {@code page} for a view of the statistics page
 * @param at when
 */
public record StatisticsExported(String userId, String export, String period, String jurisdiction, String format,
		Instant at) {
}
