package org.opennrm.identification;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.opennrm.tasks.DisplayOnly;
import org.opennrm.tasks.Sensitive;

/**
 * What a screener observed, on the checklist the screening task offered. Which indicators were seen is sensitive: it
 * goes to the screening record and never becomes a process variable; the process gets counts per dimension and
 * strength.
 *
 * @param suspectedExploitation which checklist was offered (shown, not written)
 * @param observedIndicators the codes of the indicators observed, empty when none
 */
public record ScreenIndicators(@DisplayOnly String suspectedExploitation,
		@Sensitive(section = "identification") @NotNull @Size(max = 200) List<@NotBlank String> observedIndicators) {
}
