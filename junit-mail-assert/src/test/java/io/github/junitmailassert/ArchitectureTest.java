package io.github.junitmailassert;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apiguardian.api.API;
import org.junit.jupiter.api.Test;

/**
 * The layers of the library, read from its sources' code (comments left out): every package in
 * its layer and depending only on its own or lower ones, no package cycles (a public package and
 * its own engine under {@code internal} may use each other), and no {@code internal} type in a
 * public signature.
 */
class ArchitectureTest {

  private static final String ROOT = "io.github.junitmailassert";
  private static final Path SOURCES = Path.of("src/main/java");
  private static final Pattern REFERENCE = Pattern.compile("\\b(io\\.github\\.junitmailassert(?:\\.[a-z][a-z0-9]*)*)\\.[A-Z]");

  @Test
  void should_have_no_package_cycles_beyond_a_package_and_its_engine() throws IOException {
    Map<String, Set<String>> uses = dependencies();
    List<List<String>> cycles = new ArrayList<>();
    for (List<String> component : stronglyConnected(uses)) {
      if (component.size() > 1 && !isPackageWithItsEngine(component)) {
        cycles.add(component);
      }
    }
    assertThat(cycles).as("package cycles, from the sources' references:%n%s", render(uses)).isEmpty();
  }

  /**
   * The layers, bottom up: the model and the shared vocabulary; the checks (each in its own
   * package, with its engine); the receiver that runs them; what renders its result; the JUnit door.
   */
  private static final List<Set<String>> LAYERS = List.of(
      Set.of("mail", "internal.mail", "internal.syntax", "check", "authresults", "dns", "internal.dns", "internal"),
      Set.of("envelope", "spf", "internal.spf", "dkim", "internal.dkim", "dmarc", "internal.dmarc", "host",
          "internal.host", "format", "blocklist", "filter", "internal.filter"),
      Set.of("receiver"),
      Set.of("profile", "report", "assertions", "assertions.error"),
      Set.of("", "internal.extension", "internal.smtp"));
  // Above them all, in an artifact of its own: junit-mail-assert-testcontainers (package testcontainers).

  @Test
  void should_keep_every_package_in_its_layer_and_depend_only_downwards() throws IOException {
    List<String> wrong = new ArrayList<>();
    for (Map.Entry<String, Set<String>> e : dependencies().entrySet()) {
      int from = layer(short_(e.getKey()));
      if (from < 0) {
        wrong.add(short_(e.getKey()) + " is in no layer: place it in ArchitectureTest.LAYERS");
        continue;
      }
      for (String to : e.getValue()) {
        int target = layer(short_(to));
        if (target > from) {
          wrong.add(short_(e.getKey()) + " (layer " + from + ") uses " + short_(to) + " (layer " + target + ")");
        }
      }
    }
    assertThat(wrong).isEmpty();
  }

  private static int layer(String pkg) {
    for (int i = 0; i < LAYERS.size(); i++) {
      if (LAYERS.get(i).contains(pkg)) {
        return i;
      }
    }
    return -1;
  }

  @Test
  void should_keep_internal_types_out_of_public_signatures() throws Exception {
    List<String> leaks = new ArrayList<>();
    for (String name : sourceTypeNames()) {
      if (name.contains(".internal.")) {
        continue;
      }
      Class<?> type = Class.forName(name);
      if (!Modifier.isPublic(type.getModifiers())) {
        continue;
      }
      List<Type> exposed = new ArrayList<>();
      for (Method m : type.getDeclaredMethods()) {
        if (isApi(m.getModifiers())) {
          exposed.add(m.getGenericReturnType());
          exposed.addAll(List.of(m.getGenericParameterTypes()));
        }
      }
      for (Constructor<?> c : type.getDeclaredConstructors()) {
        if (isApi(c.getModifiers())) {
          exposed.addAll(List.of(((Executable) c).getGenericParameterTypes()));
        }
      }
      for (Field f : type.getDeclaredFields()) {
        if (isApi(f.getModifiers())) {
          exposed.add(f.getGenericType());
        }
      }
      if (type.getGenericSuperclass() != null) {
        exposed.add(type.getGenericSuperclass());
      }
      exposed.addAll(List.of(type.getGenericInterfaces()));
      for (Type t : exposed) {
        if (mentionsInternal(t)) {
          leaks.add(name + ": " + t.getTypeName());
        }
      }
    }
    assertThat(leaks).isEmpty();
  }

  /**
   * Why not a module-info that exports only the API: GreenMail 2.1 has no module name (no
   * Automatic-Module-Name), so a descriptor would require the name derived from its file name, which
   * breaks users as soon as GreenMail names its module. So the jar has an Automatic-Module-Name and
   * every public type says its status: {@code INTERNAL} under {@code internal}, else published API.
   */
  @Test
  void should_give_every_public_type_its_api_status() throws Exception {
    List<String> wrong = new ArrayList<>();
    for (String name : sourceTypeNames()) {
      checkApiStatus(Class.forName(name), wrong);
    }
    assertThat(wrong).isEmpty();
  }

  /** The top-level types of the library's sources, by binary name. */
  private static List<String> sourceTypeNames() throws IOException {
    List<String> names = new ArrayList<>();
    try (Stream<Path> files = Files.walk(SOURCES)) {
      for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".java"))::iterator) {
        String name = SOURCES.relativize(file).toString().replace(".java", "").replace('/', '.').replace('\\', '.');
        if (!name.endsWith("package-info")) {
          names.add(name);
        }
      }
    }
    return names;
  }

  private static void checkApiStatus(Class<?> type, List<String> wrong) {
    if (!Modifier.isPublic(type.getModifiers())) {
      return;
    }
    API api = type.getAnnotation(API.class);
    boolean internal = type.getName().startsWith(ROOT + ".internal.");
    if (api == null) {
      wrong.add(type.getName() + ": no @API status");
    } else if (internal != (api.status() == API.Status.INTERNAL)) {
      wrong.add(type.getName() + ": @API(status = " + api.status() + ") in " + (internal ? "an internal" : "a published")
          + " package");
    }
    for (Class<?> nested : type.getDeclaredClasses()) {
      checkApiStatus(nested, wrong);
    }
  }

  private static boolean isApi(int modifiers) {
    return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
  }

  private static boolean mentionsInternal(Type t) {
    if (t instanceof Class<?> c) {
      Class<?> base = c.isArray() ? c.getComponentType() : c;
      return base.getName().startsWith(ROOT + ".internal.");
    }
    if (t instanceof ParameterizedType p) {
      if (mentionsInternal(p.getRawType())) {
        return true;
      }
      for (Type a : p.getActualTypeArguments()) {
        if (mentionsInternal(a)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Package to the packages its sources name, by import or by a qualified name. */
  private static Map<String, Set<String>> dependencies() throws IOException {
    Map<String, Set<String>> uses = new TreeMap<>();
    try (Stream<Path> files = Files.walk(SOURCES)) {
      for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".java"))::iterator) {
        String from = SOURCES.relativize(file.getParent()).toString().replace('/', '.').replace('\\', '.');
        Set<String> to = uses.computeIfAbsent(from, k -> new TreeSet<>());
        Matcher m = REFERENCE.matcher(withoutComments(Files.readString(file, StandardCharsets.UTF_8)));
        while (m.find()) {
          if (!m.group(1).equals(from)) {
            to.add(m.group(1));
          }
        }
      }
    }
    return uses;
  }

  /** The code of a source file: what the compiler links, not what the javadoc mentions. */
  private static String withoutComments(String source) {
    return source.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("//[^\\n]*", " ");
  }

  /** A package and its engine: {@code x} and {@code internal.x}. */
  private static boolean isPackageWithItsEngine(List<String> component) {
    if (component.size() != 2) {
      return false;
    }
    String a = short_(component.get(0));
    String b = short_(component.get(1));
    return a.equals("internal." + b) || b.equals("internal." + a);
  }

  private static String short_(String pkg) {
    return pkg.equals(ROOT) ? "" : pkg.substring(ROOT.length() + 1);
  }

  private static List<List<String>> stronglyConnected(Map<String, Set<String>> graph) {
    Map<String, Integer> index = new HashMap<>();
    Map<String, Integer> low = new HashMap<>();
    Deque<String> stack = new ArrayDeque<>();
    Set<String> onStack = new TreeSet<>();
    List<List<String>> out = new ArrayList<>();
    for (String v : graph.keySet()) {
      if (!index.containsKey(v)) {
        connect(v, graph, index, low, stack, onStack, out);
      }
    }
    return out;
  }

  private static void connect(String v, Map<String, Set<String>> graph, Map<String, Integer> index,
      Map<String, Integer> low, Deque<String> stack, Set<String> onStack, List<List<String>> out) {
    index.put(v, index.size());
    low.put(v, index.get(v));
    stack.push(v);
    onStack.add(v);
    for (String w : graph.getOrDefault(v, Set.of())) {
      if (!index.containsKey(w)) {
        connect(w, graph, index, low, stack, onStack, out);
        low.put(v, Math.min(low.get(v), low.get(w)));
      } else if (onStack.contains(w)) {
        low.put(v, Math.min(low.get(v), index.get(w)));
      }
    }
    if (low.get(v).equals(index.get(v))) {
      List<String> component = new ArrayList<>();
      String w;
      do {
        w = stack.pop();
        onStack.remove(w);
        component.add(w);
      } while (!w.equals(v));
      out.add(component);
    }
  }

  private static String render(Map<String, Set<String>> uses) {
    StringBuilder sb = new StringBuilder();
    uses.forEach((from, to) -> sb.append(short_(from)).append(" -> ").append(to.stream().map(ArchitectureTest::short_)
        .toList()).append(System.lineSeparator()));
    return sb.toString();
  }
}
