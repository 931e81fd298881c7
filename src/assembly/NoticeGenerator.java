import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Writes the release's NOTICE from what the build ships, so that it cannot fall behind the dependencies: the parts
 * that are not libraries (src/assembly/NOTICE.head), then every library of the Spring Boot jar (BOOT-INF/lib) with
 * the licences the CycloneDX SBOM names for it, then the NOTICE files of the libraries (the Apache License 2.0,
 * section 4(d), asks that they travel with the work) and the licence texts of the permissive libraries whose
 * licences ask that their copyright lines go with a binary (BSD, MIT), each text once with the libraries carrying it.
 * Then compares the result with the committed NOTICE and fails when they differ.
 *
 * <pre>java src/assembly/NoticeGenerator.java HEAD SBOM.xml APP.jar OUT COMMITTED|"" SRGB-LICENSE</pre>
 *
 * Run by the build (exec-maven-plugin, package phase) with JDK classes only: a single-file program.
 */
public class NoticeGenerator {

    /** Where the SBOM's licence of a library is wrong or ambiguous, what its own files say. */
    private static final Map<String, String> CORRECTIONS = Map.of(
            "org.jline:jline-terminal", "BSD-3-Clause (its POM: \"The BSD License\","
                    + " https://opensource.org/licenses/BSD-3-Clause; the SBOM's BSD-4-Clause is a misreading)",
            "org.jline:jline-native", "BSD-3-Clause (its POM: \"The BSD License\","
                    + " https://opensource.org/licenses/BSD-3-Clause; the SBOM's BSD-4-Clause is a misreading)");

    /** Jars the Spring Boot plugin adds to the jar that are no dependency of the project (so not in the SBOM). */
    private static final Map<String, String> NOT_IN_SBOM = Map.of(
            "spring-boot-jarmode-tools", "Apache-2.0 (added by the Spring Boot Maven plugin for"
                    + " java -Djarmode=tools)");

    /** group:artifact:version of each SBOM component, keyed by its jar's file name. */
    private static final Map<String, String> COORDINATES = new TreeMap<>();

    public static void main(String[] args) throws Exception {
        Path head = Path.of(args[0]);
        Path sbom = Path.of(args[1]);
        Path jar = Path.of(args[2]);
        Path out = Path.of(args[3]);

        Map<String, String> licences = licencesBySbomFile(sbom);
        Map<String, byte[]> libraries = new TreeMap<>();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(jar))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                if (e.getName().startsWith("BOOT-INF/lib/") && e.getName().endsWith(".jar")) {
                    libraries.put(e.getName().substring("BOOT-INF/lib/".length()), zip.readAllBytes());
                }
            }
        }

        String fonts = libraries.entrySet().stream().filter(l -> l.getKey().startsWith("jasperreports-fonts-"))
                .map(l -> entry(l.getValue(), "net/sf/jasperreports/fonts/dejavu/LICENSE")).findFirst()
                .orElseThrow(() -> new IllegalStateException("no jasperreports-fonts in " + jar));
        String srgb = Files.readString(Path.of(args[5]), StandardCharsets.UTF_8);
        StringBuilder text = new StringBuilder(Files.readString(head, StandardCharsets.UTF_8).stripTrailing()
                .replace("@DEJAVU_LICENSE@", fonts.strip()).replace("@SRGB_LICENSE@", srgb.strip()));
        text.append("\n\n\n").append(rule("4. Libraries in lib/integrationsmonitor.jar (BOOT-INF/lib)")).append('\n');
        text.append("""
                Each library is kept in the jar as its own unmodified file (BOOT-INF/lib/<name>.jar), so it can be
                replaced by another version of it (as the LGPL asks). Licences as the CycloneDX SBOM in sbom/ names
                them (from the libraries' POMs); the full texts of the licences are in licenses/. A library that names
                several licences is offered by its authors under each of them (dual or triple licensing).

                """);
        Map<String, List<String>> notices = new LinkedHashMap<>();
        Map<String, List<String>> permissive = new LinkedHashMap<>();
        for (Map.Entry<String, byte[]> library : libraries.entrySet()) {
            String file = library.getKey();
            String stem = file.substring(0, file.length() - ".jar".length());
            String licence = licences.get(file);
            String known = COORDINATES.get(file);
            if (licence == null) { // a jar with a classifier (netty's native transports): artifact-version-classifier.jar
                licence = licences.entrySet().stream()
                        .filter(l -> file.startsWith(l.getKey().substring(0, l.getKey().length() - ".jar".length()) + "-"))
                        .map(Map.Entry::getValue).findFirst().orElse(null);
            }
            String coordinates = known != null ? known : coordinates(library.getValue()).orElse(stem);
            String artifact = coordinates.contains(":") ? coordinates.substring(0, coordinates.lastIndexOf(':')) : stem;
            if (CORRECTIONS.containsKey(artifact)) {
                licence = CORRECTIONS.get(artifact);
            }
            if (licence == null) {
                String name = stem.replaceAll("-\\d.*$", "");
                licence = NOT_IN_SBOM.get(name);
                if (licence == null) {
                    throw new IllegalStateException(file + " is in the jar but not in the SBOM " + sbom
                            + "; name its licence in " + NoticeGenerator.class.getSimpleName() + ".NOT_IN_SBOM");
                }
            }
            text.append("  ").append(coordinates).append('\n').append("      ").append(licence).append('\n');
            Map<String, String> own = ownFiles(library.getValue());
            for (Map.Entry<String, String> f : own.entrySet()) {
                String name = f.getKey().toLowerCase(Locale.ROOT);
                if (name.contains("notice")) {
                    notices.computeIfAbsent(f.getValue(), k -> new ArrayList<>()).add(coordinates);
                } else if (isPermissive(licence)) {
                    permissive.computeIfAbsent(f.getValue(), k -> new ArrayList<>()).add(coordinates);
                }
            }
        }

        text.append("\n\n").append(rule("5. NOTICE files of the libraries (Apache License 2.0, section 4(d))"))
                .append('\n');
        for (Map.Entry<String, List<String>> notice : notices.entrySet()) {
            text.append("\n--- from ").append(String.join(", ", notice.getValue())).append(":\n\n")
                    .append(notice.getKey().strip()).append('\n');
        }
        text.append("\n\n").append(rule("6. Copyright and licence notices of the BSD- and MIT-licensed libraries"))
                .append('\n').append("""
                The licence files the BSD- and MIT-licensed libraries carry in their jars, verbatim. A library of
                section 4 whose jar carries no such file is named there with its licence.
                """);
        for (Map.Entry<String, List<String>> licence : permissive.entrySet()) {
            text.append("\n--- from ").append(String.join(", ", licence.getValue())).append(":\n\n")
                    .append(licence.getKey().strip()).append('\n');
        }
        String result = text.toString().replace("\r\n", "\n").replaceAll("[ \t]+\n", "\n");
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, result, StandardCharsets.UTF_8);

        if (args.length > 4 && !args[4].isEmpty()) {
            Path committed = Path.of(args[4]);
            String current = Files.exists(committed) ? Files.readString(committed, StandardCharsets.UTF_8) : "";
            if (!current.equals(result)) {
                System.err.println("NOTICE is out of date: the libraries the jar ships changed. Review " + out
                        + " and copy it over " + committed + " (cp " + out + " " + committed + ").");
                System.exit(1);
            }
        }
    }

    private static boolean isPermissive(String licence) {
        return licence.contains("BSD") || licence.contains("MIT");
    }

    private static String rule(String title) {
        return title + "\n" + "=".repeat(title.length());
    }

    /** group:artifact:version from the jar's own META-INF/maven/.../pom.properties. */
    private static java.util.Optional<String> coordinates(byte[] jar) throws IOException {
        try (ZipInputStream zip = new ZipInputStream(new java.io.ByteArrayInputStream(jar))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                if (e.getName().startsWith("META-INF/maven/") && e.getName().endsWith("/pom.properties")) {
                    java.util.Properties p = new java.util.Properties();
                    p.load(new java.io.ByteArrayInputStream(zip.readAllBytes()));
                    return java.util.Optional.of(p.getProperty("groupId") + ":" + p.getProperty("artifactId") + ":"
                            + p.getProperty("version"));
                }
            }
        }
        return java.util.Optional.empty();
    }

    /** The library's own NOTICE and LICENSE files at the top of META-INF (or of the jar), by name. */
    private static Map<String, String> ownFiles(byte[] jar) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (ZipInputStream zip = new ZipInputStream(new java.io.ByteArrayInputStream(jar))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                String name = e.getName().startsWith("META-INF/") ? e.getName().substring(9) : e.getName();
                if (!name.contains("/") && name.toLowerCase(Locale.ROOT).matches("(notice|license|licence)[^/]*")) {
                    files.put(name, new String(readAll(zip), StandardCharsets.UTF_8));
                }
            }
        }
        return files;
    }

    /** One file of a jar, as text. */
    private static String entry(byte[] jar, String name) {
        try (ZipInputStream zip = new ZipInputStream(new java.io.ByteArrayInputStream(jar))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                if (e.getName().equals(name)) {
                    return new String(readAll(zip), StandardCharsets.UTF_8);
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        throw new IllegalStateException(name + " not found");
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toByteArray();
    }

    /** Licences of each component of the SBOM, keyed by its jar's file name (artifact-version.jar). */
    private static Map<String, String> licencesBySbomFile(Path sbom) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(false);
        Document document = factory.newDocumentBuilder().parse(sbom.toFile());
        Map<String, String> licences = new TreeMap<>();
        NodeList components = document.getElementsByTagName("component");
        for (int i = 0; i < components.getLength(); i++) {
            Element component = (Element) components.item(i);
            if (!"library".equals(component.getAttribute("type")) || !(component.getParentNode() instanceof Element parent)
                    || !"components".equals(parent.getTagName()) || !"bom".equals(((Element) parent.getParentNode())
                    .getTagName())) {
                continue;
            }
            String name = child(component, "name");
            String version = child(component, "version");
            List<String> names = new ArrayList<>();
            NodeList licenceNodes = component.getElementsByTagName("license");
            for (int j = 0; j < licenceNodes.getLength(); j++) {
                Element licence = (Element) licenceNodes.item(j);
                String id = child(licence, "id");
                names.add(!id.isEmpty() ? id : child(licence, "name"));
            }
            NodeList expressions = component.getElementsByTagName("expression");
            for (int j = 0; j < expressions.getLength(); j++) {
                names.add(expressions.item(j).getTextContent().strip());
            }
            COORDINATES.put(name + "-" + version + ".jar", child(component, "group") + ":" + name + ":" + version);
            licences.put(name + "-" + version + ".jar", names.isEmpty() ? "no licence named in its POM"
                    : String.join(" / ", names));
        }
        return licences;
    }

    private static String child(Element element, String tag) {
        for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(tag)) {
                return e.getTextContent().strip();
            }
        }
        return "";
    }
}
