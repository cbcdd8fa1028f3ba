package org.opennrm.casefile.internal;

import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.opennrm.casefile.CaseFile;
import org.opennrm.casefile.Section;
import org.opennrm.casefile.SectionContent;
import org.opennrm.casefile.SectionView;
import org.opennrm.cases.Case;
import org.opennrm.i18n.Text;
import org.opennrm.platform.JsonProblems;
import org.opennrm.platform.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The case file by section. Responses hold only the sections the caller may see; the others are absent, not masked.
 */
@RestController
@Validated
@RequestMapping(path = "/api/cases/{reference}", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Case file", description = "Sections of a case file under the access policy; every read is recorded")
class CaseFileController {

	static final String SECTION = "identity|identification|risk|health|psycho-social|legal|services|law-enforcement";

	static final String ID = "[0-9a-fA-F-]{36}";

	private final CaseFile caseFile;

	private final CaseFileGrants grants;

	private final ObjectMapper objectMapper;

	CaseFileController(CaseFile caseFile, CaseFileGrants grants, ObjectMapper objectMapper) {
		this.caseFile = caseFile;
		this.grants = grants;
		this.objectMapper = objectMapper;
	}

	@GetMapping("/file")
	@Operation(summary = "The sections of the case file I may read now")
	CaseFileView readAll(@PathVariable @Pattern(regexp = Case.REFERENCE) String reference) {
		Map<String, SectionView> sections = new LinkedHashMap<>();
		this.caseFile.readAll(reference).forEach(view -> sections.put(view.section().key(), view));
		return new CaseFileView(reference, sections);
	}

	@GetMapping("/file/{section}")
	@Operation(summary = "One section of the case file")
	SectionView read(@PathVariable @Pattern(regexp = Case.REFERENCE) String reference,
			@PathVariable @Pattern(regexp = SECTION) String section) {
		return this.caseFile.read(reference, section(section));
	}

	@PutMapping(path = "/file/{section}", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Replace one section of the case file; send If-Match with the version you read to be told "
			+ "if someone changed it meanwhile")
	SectionView write(@PathVariable @Pattern(regexp = Case.REFERENCE) String reference,
			@PathVariable @Pattern(regexp = SECTION) String section, @RequestBody JsonNode body,
			@RequestHeader(name = "If-Match", required = false) @Pattern(regexp = "\"?[0-9]{1,9}\"?") String ifMatch) {
		Section target = section(section);
		if (!body.isObject()) {
			throw Problems.badRequest("problem.caseFile.notThatSection", Text.of("section." + target.key()));
		}
		SectionContent content;
		try {
			content = this.objectMapper.treeToValue(body, target.type());
		}
		catch (JsonProcessingException ex) {
			throw JsonProblems.badRequest(ex);
		}
		Integer expected = ifMatch == null ? null : Integer.valueOf(ifMatch.replace("\"", ""));
		return this.caseFile.write(reference, target, content, expected);
	}

	@PostMapping(path = "/break-glass", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Break the glass: a supervisor opens the case file beyond the usual scope, for a stated "
			+ "reason and a limited time; always recorded")
	ResponseEntity<BreakGlassView> breakGlass(@PathVariable @Pattern(regexp = Case.REFERENCE) String reference,
			@Valid @RequestBody BreakGlassRequest request) {
		Instant until = this.grants.breakGlass(reference, request.reason());
		return ResponseEntity.status(HttpStatus.CREATED).body(new BreakGlassView(reference, until));
	}

	@GetMapping("/handoffs/{handoffId}/shared-sections")
	@Operation(summary = "Which sections a hand-off's receiving agency may see while it is open")
	SharedSections sharedSections(@PathVariable @Pattern(regexp = Case.REFERENCE) String reference,
			@PathVariable @Pattern(regexp = ID) String handoffId) {
		return new SharedSections(keys(this.grants.sharedSections(reference, handoffId)));
	}

	@PutMapping(path = "/handoffs/{handoffId}/shared-sections", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Choose which sections a hand-off's receiving agency may see (referring agency only)")
	SharedSections share(@PathVariable @Pattern(regexp = Case.REFERENCE) String reference,
			@PathVariable @Pattern(regexp = ID) String handoffId, @Valid @RequestBody SharedSections request) {
		Set<Section> chosen = EnumSet.noneOf(Section.class);
		request.sections().forEach(key -> chosen.add(section(key)));
		return new SharedSections(keys(this.grants.share(reference, handoffId, chosen)));
	}

	private static Section section(String key) {
		return Section.byKey(key).orElseThrow(() -> Problems.notFound("problem.caseFile.noSuchSection"));
	}

	private static List<String> keys(Set<Section> sections) {
		return sections.stream().sorted().map(Section::key).toList();
	}

	/** The case file as one caller sees it. */
	record CaseFileView(String reference, Map<String, SectionView> sections) {
	}

	/** Why the glass is broken. */
	record BreakGlassRequest(@NotBlank @Size(min = 10, max = 500) String reason) {
	}

	record BreakGlassView(String reference, Instant openUntil) {
	}

	/** Sections shared with a hand-off's receiving agency. */
	record SharedSections(@NotNull @Size(max = 8) List<@NotNull @Pattern(regexp = SECTION) String> sections) {
	}
}
