package org.opennrm.platform.internal;

import java.io.ByteArrayInputStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads what a BPMN file declares about its processes with a streaming parser: cheap at start-up (the full model API
 * costs hundreds of classes and a schema validation), and safe (no DTDs, no external entities).
 */
final class BpmnDeclarations {

	static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";

	static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";

	private static final XMLInputFactory FACTORY = secureFactory();

	private BpmnDeclarations() {
	}

	/** Process id to the groups in its {@code camunda:candidateStarterGroups} (processes without any are left out). */
	static Map<String, Set<String>> candidateStarterGroups(byte[] bpmn) {
		Map<String, Set<String>> starters = new LinkedHashMap<>();
		try {
			XMLStreamReader reader = FACTORY.createXMLStreamReader(new ByteArrayInputStream(bpmn));
			try {
				while (reader.hasNext()) {
					if (reader.next() == XMLStreamConstants.START_ELEMENT && "process".equals(reader.getLocalName())
							&& BPMN.equals(reader.getNamespaceURI())) {
						String groups = reader.getAttributeValue(CAMUNDA, "candidateStarterGroups");
						if (groups != null && !groups.isBlank()) {
							starters.put(reader.getAttributeValue(null, "id"), Arrays.stream(groups.split(","))
								.map(String::trim)
								.filter(group -> !group.isEmpty())
								.collect(Collectors.toCollection(TreeSet::new)));
						}
					}
				}
			}
			finally {
				reader.close();
			}
		}
		catch (XMLStreamException ex) {
			throw new IllegalStateException("Cannot read a process model", ex);
		}
		return starters;
	}

	private static XMLInputFactory secureFactory() {
		XMLInputFactory factory = XMLInputFactory.newFactory();
		factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
		factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
		return factory;
	}
}
