package io.github.matomotracking.examples.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Command-line arguments of one command: positional arguments, {@code --name value} options
 * (repeatable) and {@code --flag} switches. Unknown options are usage errors.
 */
final class CliArgs {

  private final List<String> positional = new ArrayList<>();
  private final Map<String, List<String>> options = new LinkedHashMap<>();

  private CliArgs() {}

  /**
   * Parses {@code args}.
   *
   * @param args the arguments after the command name
   * @param valued options that take a value (without the leading dashes)
   * @param flags options that take no value
   * @throws UsageException on an unknown option or a missing value
   */
  static CliArgs parse(List<String> args, Set<String> valued, Set<String> flags) {
    CliArgs parsed = new CliArgs();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (!arg.startsWith("--") || arg.equals("--")) {
        parsed.positional.add(arg);
        continue;
      }
      String name = arg.substring(2);
      String value = null;
      int eq = name.indexOf('=');
      if (eq >= 0) {
        value = name.substring(eq + 1);
        name = name.substring(0, eq);
      }
      if (flags.contains(name)) {
        if (value != null) {
          throw new UsageException("option --" + name + " takes no value");
        }
        parsed.options.computeIfAbsent(name, k -> new ArrayList<>()).add("true");
      } else if (valued.contains(name)) {
        if (value == null) {
          if (i + 1 >= args.size()) {
            throw new UsageException("option --" + name + " needs a value");
          }
          value = args.get(++i);
        }
        parsed.options.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
      } else {
        throw new UsageException("unknown option --" + name);
      }
    }
    return parsed;
  }

  List<String> positional() {
    return positional;
  }

  boolean flag(String name) {
    return options.containsKey(name);
  }

  List<String> all(String name) {
    return options.getOrDefault(name, List.of());
  }

  Optional<String> single(String name) {
    List<String> values = all(name);
    if (values.size() > 1) {
      throw new UsageException("option --" + name + " given more than once");
    }
    return values.stream().findFirst();
  }

  String required(String name) {
    return single(name).orElseThrow(() -> new UsageException("option --" + name + " is required"));
  }
}
