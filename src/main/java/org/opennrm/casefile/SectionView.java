package org.opennrm.casefile;

import java.time.Instant;

/**
 * A section as one user may see it.
 *
 * @param section which section
 * @param version its version (0: never written)
 * @param updatedAt when it was last written
 * @param updatedBy who wrote it last
 * @param content its content
 */
public record SectionView(Section section, int version, Instant updatedAt, String updatedBy, SectionContent content) {
}
