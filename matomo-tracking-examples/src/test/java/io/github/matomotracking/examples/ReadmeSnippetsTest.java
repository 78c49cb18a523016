package io.github.matomotracking.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every {@code java} code block of the README compiles against the library, so the copy-paste
 * guides cannot drift from the API. A block is a run of statements (compiled as the body of a
 * method that may throw), or, when it declares a type at its top, a compilation unit; either way
 * the imports below are in scope, plus the block's own.
 */
class ReadmeSnippetsTest {

  private static final String IMPORTS = String.join("\n",
      "import io.github.matomotracking.client.*;",
      "import io.github.matomotracking.identify.*;",
      "import io.github.matomotracking.mapping.*;",
      "import io.github.matomotracking.model.*;",
      "import io.github.matomotracking.port.*;",
      "import io.github.matomotracking.lookups.*;",
      "import io.github.matomotracking.examples.jdbc.*;",
      "import java.io.*;",
      "import java.net.URI;",
      "import java.nio.file.*;",
      "import java.time.*;",
      "import java.util.*;",
      "import java.util.concurrent.*;",
      "import javax.sql.DataSource;",
      "");
  private static final Pattern BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);
  private static final Pattern TYPE_AT_TOP = Pattern.compile(
      "^(?:(?:public|final|abstract)\\s+)*(?:class|interface|record|enum)\\s", Pattern.MULTILINE);

  static Stream<String> snippets() throws IOException {
    Path readme = Path.of(System.getProperty("matomo.project.dir", ".."), "README.md");
    String text = Files.readString(readme, StandardCharsets.UTF_8);
    List<String> blocks = new ArrayList<>();
    Matcher matcher = BLOCK.matcher(text);
    while (matcher.find()) {
      blocks.add(matcher.group(1));
    }
    assertThat(blocks).as("java blocks in README.md").isNotEmpty();
    return blocks.stream();
  }

  @ParameterizedTest
  @MethodSource("snippets")
  void compiles(String snippet, @TempDir Path out) throws IOException {
    StringBuilder imports = new StringBuilder(IMPORTS);
    StringBuilder body = new StringBuilder();
    for (String line : snippet.split("\n")) {
      if (line.startsWith("import ")) {
        imports.append(line).append('\n');
      } else {
        body.append(line).append('\n');
      }
    }
    String source;
    if (TYPE_AT_TOP.matcher(body).find()) {
      source = "package readme;\n" + imports + body;
    } else {
      source = "package readme;\n" + imports
          + "class Snippet {\n  void run() throws Exception {\n" + body + "  }\n}\n";
    }

    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, Locale.ROOT,
        StandardCharsets.UTF_8)) {
      JavaFileObject unit = new SimpleJavaFileObject(URI.create("string:///readme/Snippet.java"),
          JavaFileObject.Kind.SOURCE) {
        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
          return source;
        }
      };
      List<String> options = List.of("-proc:none", "-d", out.toString(),
          "-classpath", System.getProperty("java.class.path"));
      boolean ok = compiler.getTask(new StringWriter(), files, diagnostics, options, null,
          List.of(unit)).call();
      StringBuilder report = new StringBuilder();
      for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
        if (d.getKind() == Diagnostic.Kind.ERROR) {
          report.append("line ").append(d.getLineNumber()).append(": ")
              .append(d.getMessage(Locale.ROOT)).append('\n');
        }
      }
      assertThat(ok).as("README snippet does not compile:\n%s\n---\n%s", report, source).isTrue();
    }
  }
}
