package io.github.matomotracking.hostile;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** The hostile corpus: the manifest's cases and their bodies. */
final class HostileCorpus {

  static final String FOLDER = "/hostile/";
  static final String MANIFEST = FOLDER + "manifest.csv";

  private HostileCorpus() {}

  /** Every case of the manifest, in its order. */
  static List<HostileCase> cases() {
    List<HostileCase> cases = new ArrayList<>();
    try (InputStream in = resource(MANIFEST);
        BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      int number = 0;
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        number++;
        if (number == 1 || line.isBlank() || line.startsWith("#")) {
          continue; // the header, blank lines and comments
        }
        cases.add(HostileCase.parse(line, number));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return cases;
  }

  /** The body of a case, to be closed by the caller. */
  static InputStream open(HostileCase hostileCase) {
    if (hostileCase.generated()) {
      Supplier<InputStream> body = CorpusGenerators.bodies().get(hostileCase.file());
      if (body == null) {
        throw new IllegalArgumentException("no generator for " + hostileCase.file());
      }
      return body.get();
    }
    return resource(FOLDER + hostileCase.file());
  }

  private static InputStream resource(String name) {
    InputStream in = HostileCorpus.class.getResourceAsStream(name);
    if (in == null) {
      throw new IllegalArgumentException("no test resource " + name);
    }
    return in;
  }
}
