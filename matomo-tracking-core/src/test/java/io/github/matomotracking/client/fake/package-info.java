/**
 * A small in-memory Matomo for WireMock ({@link io.github.matomotracking.client.fake.FakeMatomo})
 * and the PHP-faithful parsing it needs ({@link io.github.matomotracking.client.fake.MatomoSegmentParser},
 * {@link io.github.matomotracking.client.fake.Php}); shared with other modules' tests through the
 * core test-jar.
 */
package io.github.matomotracking.client.fake;
