import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Checks a file repository that a deploy wrote: it holds exactly the artifacts .ci/published-artifacts
 * names, each with its pom and, for a jar, its sources and javadoc jars; every pom has what Maven
 * Central asks for (itself or from its parent in the same repository); the BOM lists every jar; the
 * javadoc leaves the internal packages out; each jar names its module. Run by .ci/check-publishing:
 * java .ci/CheckPublishing.java <published-artifacts> <repository> <groupId> <version>
 */
public class CheckPublishing {

  static final List<String> problems = new ArrayList<>();

  public static void main(String[] args) throws Exception {
    Map<String, String> intended = new LinkedHashMap<>();
    for (String line : Files.readAllLines(Path.of(args[0]))) {
      line = line.strip();
      if (!line.isEmpty() && !line.startsWith("#")) {
        String[] parts = line.split("\\s+");
        intended.put(parts[0], parts[1]);
      }
    }
    Path repo = Path.of(args[1]);
    String groupId = args[2];
    String version = args[3];
    Path groupDir = repo.resolve(groupId.replace('.', '/'));

    // Nothing outside our group, nothing but the intended artifactIds in it.
    try (Stream<Path> all = Files.walk(repo)) {
      all.filter(Files::isRegularFile).filter(f -> !f.startsWith(groupDir))
          .forEach(f -> problems.add("not ours, yet deployed: " + repo.relativize(f)));
    }
    Set<String> deployed = new TreeSet<>();
    if (Files.isDirectory(groupDir)) {
      try (Stream<Path> dirs = Files.list(groupDir)) {
        dirs.filter(Files::isDirectory).forEach(d -> deployed.add(d.getFileName().toString()));
      }
    }
    for (String id : deployed) {
      if (!intended.containsKey(id)) {
        problems.add("deployed but not in published-artifacts (set maven.deploy.skip in its pom): " + id);
      }
    }

    Map<String, Document> poms = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : intended.entrySet()) {
      String id = e.getKey();
      Path dir = groupDir.resolve(id).resolve(version);
      if (!Files.isDirectory(dir)) {
        problems.add("not deployed: " + id);
        continue;
      }
      Map<String, Path> files = files(id, version, dir);
      Set<String> expected = e.getValue().equals("jar")
          ? Set.of("pom", "jar", "sources.jar", "javadoc.jar") : Set.of("pom");
      if (!files.keySet().equals(expected)) {
        problems.add(id + ": expected " + new TreeSet<>(expected) + ", found " + new TreeSet<>(files.keySet()));
      }
      if (files.containsKey("pom")) {
        poms.put(id, parse(files.get("pom")));
      }
      if (files.containsKey("jar")) {
        checkModuleName(id, files.get("jar"));
      }
      if (files.containsKey("javadoc.jar")) {
        checkNoInternalDocs(id, files.get("javadoc.jar"));
      }
    }

    for (Map.Entry<String, Document> e : poms.entrySet()) {
      checkMetadata(e.getKey(), e.getValue().getDocumentElement(), poms);
    }
    checkBom(intended, poms.get("junit-mail-assert-bom"));

    if (problems.isEmpty()) {
      System.out.println("published artifacts: exactly " + intended.keySet() + ", complete");
    } else {
      problems.forEach(p -> System.err.println("publishing: " + p));
      System.exit(1);
    }
  }

  /** Kind ("pom", "jar", "sources.jar", ...) to file, leaving out metadata, checksums and signatures. */
  static Map<String, Path> files(String id, String version, Path dir) throws IOException {
    String base = version.replace("-SNAPSHOT", "");
    Pattern name = Pattern.compile(Pattern.quote(id + "-" + base)
        + "(?:-SNAPSHOT|-\\d{8}\\.\\d{6}-\\d+)?(?:-([A-Za-z0-9_.-]+?))?\\.(jar|pom)");
    Map<String, Path> kinds = new LinkedHashMap<>();
    try (Stream<Path> list = Files.list(dir)) {
      for (Path f : (Iterable<Path>) list::iterator) {
        String file = f.getFileName().toString();
        if (file.startsWith("maven-metadata") || file.matches(".*\\.(md5|sha1|sha256|sha512|asc)")) {
          continue;
        }
        Matcher m = name.matcher(file);
        if (!m.matches()) {
          problems.add(id + ": unexpected file " + file);
          continue;
        }
        String kind = m.group(1) == null ? m.group(2) : m.group(1) + "." + m.group(2);
        if (kinds.put(kind, f) != null) {
          problems.add(id + ": " + kind + " deployed twice (a stale repository? .ci/check-publishing empties it first)");
        }
      }
    }
    return kinds;
  }

  static void checkMetadata(String id, Element pom, Map<String, Document> poms) {
    for (String path : List.of("name", "description", "url", "licenses/license/name", "licenses/license/url",
        "developers/developer/name", "scm/url", "scm/connection")) {
      if (text(pom, path, poms).isBlank()) {
        problems.add(id + ": the pom has no " + path.replace('/', '.') + " (nor its parent)");
      }
    }
    if (!text(pom, "licenses/license/name", poms).equals("Apache-2.0")) {
      problems.add(id + ": license is not Apache-2.0");
    }
  }

  /** The text at {@code path} in the pom, or in its parent's pom when the parent is deployed too. */
  static String text(Element pom, String path, Map<String, Document> poms) {
    Element at = pom;
    for (String step : path.split("/")) {
      at = child(at, step);
      if (at == null) {
        break;
      }
    }
    if (at != null && !at.getTextContent().isBlank()) {
      return at.getTextContent().strip();
    }
    Element parent = child(pom, "parent");
    if (parent != null && path.startsWith("name") == false && path.startsWith("description") == false) {
      Document parentPom = poms.get(child(parent, "artifactId").getTextContent().strip());
      if (parentPom != null) {
        return text(parentPom.getDocumentElement(), path, poms);
      }
    }
    return "";
  }

  static void checkBom(Map<String, String> intended, Document bom) {
    if (bom == null) {
      return;
    }
    Set<String> listed = new TreeSet<>();
    Element deps = child(child(bom.getDocumentElement(), "dependencyManagement"), "dependencies");
    for (Node n = deps == null ? null : deps.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element dep) {
        listed.add(child(dep, "artifactId").getTextContent().strip());
      }
    }
    Set<String> jars = new TreeSet<>();
    intended.forEach((id, packaging) -> {
      if (packaging.equals("jar")) {
        jars.add(id);
      }
    });
    if (!listed.equals(jars)) {
      problems.add("the BOM lists " + listed + ", the published jars are " + jars);
    }
  }

  static void checkModuleName(String id, Path jar) throws IOException {
    try (JarFile file = new JarFile(jar.toFile())) {
      String name = file.getManifest() == null ? null
          : file.getManifest().getMainAttributes().getValue("Automatic-Module-Name");
      if (name == null && file.getEntry("module-info.class") == null) {
        problems.add(id + ": the jar has neither a module-info nor an Automatic-Module-Name");
      }
      if (file.stream().anyMatch(en -> en.getName().startsWith("META-INF/maven/") == false
          && en.getName().contains("/testcontainers/")) && !id.endsWith("-testcontainers")) {
        problems.add(id + ": holds the testcontainers package, which has an artifact of its own");
      }
    }
  }

  static void checkNoInternalDocs(String id, Path jar) throws IOException {
    try (JarFile file = new JarFile(jar.toFile())) {
      if (file.stream().anyMatch(en -> en.getName().contains("/internal/"))) {
        problems.add(id + ": the javadoc holds internal packages");
      }
      if (file.getEntry("index.html") == null) {
        problems.add(id + ": the javadoc jar has no index.html");
      }
    }
  }

  static Element child(Element parent, String name) {
    if (parent == null) {
      return null;
    }
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals(name)) {
        return e;
      }
    }
    return null;
  }

  static Document parse(Path file) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    try (InputStream in = Files.newInputStream(file)) {
      return factory.newDocumentBuilder().parse(in);
    }
  }
}
