import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The bare engine's complaint model, generated from Kefu's (docs/benchmark.md). Same elements, sequence flows,
 * gateways and their conditions, timers, forms, assignees and candidate groups; what calls into Kefu is replaced:
 * every service task runs the bare app's one stand-in delegate ({@code benchStep}), task listeners and execution
 * listeners are removed, and expressions that call Kefu's beans become plain variable expressions naming the same
 * people and groups. An expression this class does not know stops the generation, so a change to Kefu's model is
 * noticed here rather than measured on a different path.
 *
 *   java docs/benchmark/BareModel.java processes/complaint OUTPUT_DIR
 */
public class BareModel {

    static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";

    /** Kefu bean calls in attribute values and what the bare model says instead. */
    static final Map<String, String> EXPRESSIONS = new LinkedHashMap<>();
    static {
        // a department's step goes to its least-loaded member; the bare engine's departments have one member each,
        // named as the department, as the demo data's departments on the benchmark's path (销售部: sales)
        EXPRESSIONS.put("${handlers.balanced(execution, complaintCases.departmentGroup(execution))}", "${department}");
        EXPRESSIONS.put("${complaintCases.owner(execution)}", "${initiator}");
        EXPRESSIONS.put("${complaintCases.departmentGroup(execution)}", "dept-${department}");
        EXPRESSIONS.put("${taskDeadlines.escalation()}", "${resolutionDue}");
    }

    public static void main(String[] args) throws Exception {
        Path source = Path.of(args[0]);
        Path target = Path.of(args[1]);
        Files.createDirectories(target);
        List<String> written = new ArrayList<>();
        try (var files = Files.list(source)) {
            for (Path bpmn : files.filter(p -> p.toString().endsWith(".bpmn")).toList()) {
                Files.writeString(target.resolve(bpmn.getFileName()), transform(bpmn));
                written.add(bpmn.getFileName().toString());
            }
        }
        // the decision table runs unchanged; forms are deployed as in Kefu (the engine reads them only when asked)
        try (var files = Files.list(source)) {
            for (Path dmn : files.filter(p -> p.toString().endsWith(".dmn")).toList()) {
                Files.copy(dmn, target.resolve(dmn.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                written.add(dmn.getFileName().toString());
            }
        }
        Path forms = source.resolve("forms");
        if (Files.isDirectory(forms)) {
            try (var files = Files.list(forms)) {
                for (Path form : files.filter(p -> p.toString().endsWith(".form")).toList()) {
                    Files.copy(form, target.resolve(form.getFileName()),
                            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    written.add(form.getFileName().toString());
                }
            }
        }
        System.out.println("bare model in " + target + ": " + String.join(", ", written));
    }

    static String transform(Path bpmn) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document document = factory.newDocumentBuilder().parse(bpmn.toFile());
        List<Element> listeners = new ArrayList<>();
        walk(document.getDocumentElement(), listeners);
        for (Element listener : listeners) {
            Node extensions = listener.getParentNode();
            extensions.removeChild(listener);
            if (!hasElementChildren(extensions)) {
                extensions.getParentNode().removeChild(extensions);
            }
        }
        var out = new java.io.StringWriter();
        var transformer = TransformerFactory.newInstance().newTransformer();
        transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
        transformer.transform(new DOMSource(document), new StreamResult(out));
        return out.toString();
    }

    private static void walk(Element element, List<Element> listeners) {
        String name = element.getLocalName();
        if (CAMUNDA.equals(element.getNamespaceURI())
                && (name.equals("taskListener") || name.equals("executionListener"))) {
            listeners.add(element);
            return;
        }
        if (isServiceTask(element)) {
            for (String attribute : List.of("delegateExpression", "class", "expression", "type", "topic",
                    "resultVariable")) {
                element.removeAttributeNS(CAMUNDA, attribute);
            }
            element.setAttributeNS(CAMUNDA, "camunda:delegateExpression", "${benchStep}");
        }
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attribute = (Attr) attributes.item(i);
            if (isServiceTask(element) && attribute.getLocalName().equals("delegateExpression")) {
                continue;
            }
            attribute.setValue(rewrite(attribute.getValue(), element));
        }
        if (element.getChildNodes().getLength() == 1 && element.getFirstChild().getNodeType() == Node.TEXT_NODE) {
            element.getFirstChild().setNodeValue(rewrite(element.getFirstChild().getNodeValue(), element));
        }
        NodeList children = element.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element child) {
                walk(child, listeners);
            }
        }
    }

    private static boolean isServiceTask(Element element) {
        return "http://www.omg.org/spec/BPMN/20100524/MODEL".equals(element.getNamespaceURI())
                && (element.getLocalName().equals("serviceTask") || element.getLocalName().equals("sendTask"));
    }

    /** A bean call becomes its stand-in; plain variable expressions (${department}, ${!complaintValid}) stay. */
    static String rewrite(String value, Element where) {
        for (var e : EXPRESSIONS.entrySet()) {
            value = value.replace(e.getKey(), e.getValue());
        }
        Matcher call = Pattern.compile("\\$\\{[^}]*\\b[a-zA-Z]\\w*\\.\\w+\\(").matcher(value);
        if (call.find()) {
            throw new IllegalStateException("BareModel does not know the expression " + value + " on "
                    + where.getAttribute("id") + ": add its stand-in to EXPRESSIONS");
        }
        return value;
    }

    private static boolean hasElementChildren(Node node) {
        NodeList children = node.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i).getNodeType() == Node.ELEMENT_NODE) {
                return true;
            }
        }
        return false;
    }
}
