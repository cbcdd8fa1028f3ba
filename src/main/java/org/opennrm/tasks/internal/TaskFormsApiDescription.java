package org.opennrm.tasks.internal;

import java.util.Comparator;
import java.util.List;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.converter.ResolvedSchema;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ComposedSchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import org.opennrm.tasks.TaskForm;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * Names every task type's body in the API description: completing a task takes exactly one of them, the one its
 * task's {@code form} names.
 */
@Component
class TaskFormsApiDescription implements OpenApiCustomizer {

	static final String COMPLETE_PATH = "/api/tasks/{taskId}/complete";

	private final TaskForms forms;

	TaskFormsApiDescription(TaskForms forms) {
		this.forms = forms;
	}

	@Override
	public void customise(io.swagger.v3.oas.models.OpenAPI openApi) {
		PathItem path = openApi.getPaths() == null ? null : openApi.getPaths().get(COMPLETE_PATH);
		if (path == null || path.getPost() == null) {
			return;
		}
		if (openApi.getComponents() == null) {
			openApi.setComponents(new Components());
		}
		List<TaskForm<?>> sorted = this.forms.all().stream().sorted(Comparator.comparing(TaskForm::schemaName)).toList();
		ComposedSchema oneOf = new ComposedSchema();
		for (TaskForm<?> form : sorted) {
			ResolvedSchema resolved = ModelConverters.getInstance()
				.resolveAsResolvedSchema(new AnnotatedType(form.type()).resolveAsRef(true));
			resolved.referencedSchemas.forEach(openApi.getComponents()::addSchemas);
			oneOf.addOneOfItem(new Schema<>().$ref("#/components/schemas/" + form.schemaName()));
		}
		Operation complete = path.getPost();
		complete.setRequestBody(new RequestBody().required(true)
			.description("The fields of the task's type, and nothing else: the schema its 'form' names.")
			.content(new Content().addMediaType(org.springframework.http.MediaType.APPLICATION_JSON_VALUE,
					new MediaType().schema(oneOf))));
	}
}
