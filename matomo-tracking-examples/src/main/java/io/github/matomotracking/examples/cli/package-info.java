/**
 * The command-line tool ({@code matomo-tracking-cli.jar}): {@code map} reads Live responses from
 * files and prints what the mapper makes of them; the other commands talk to Matomo and a
 * database. Commands, output formats and exit codes are documented in the README.
 */
package io.github.matomotracking.examples.cli;
