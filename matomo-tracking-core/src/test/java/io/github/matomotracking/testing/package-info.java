/**
 * Test support shared by the modules' tests through core's test-jar: values that must not be
 * committed, such as tokens, made at run time.
 */
package io.github.matomotracking.testing;
