/**
 * The demo: the whole pipeline end to end on one machine, from a Matomo (the embedded
 * {@link io.github.matomotracking.examples.demo.DemoMatomoServer} with a generated sample, or a
 * real one) through the library's client and sync engine into the JDBC ports on an embedded H2
 * database, with a readable report of what was stored and checks of the identification rules.
 * Start with {@link io.github.matomotracking.examples.demo.run.DemoMain}; the command line runs it
 * as {@code java -jar matomo-tracking-cli.jar demo}.
 */
package io.github.matomotracking.examples.demo.run;
