/**
 * Options records: one way to copy them with a changed component ({@link dev.seqlab.core.options.Withers}),
 * to check their values with messages naming the value ({@link dev.seqlab.core.options.Checks}), and
 * to read and write them as JSON ({@link dev.seqlab.core.options.OptionsJson}).
 *
 * <p>Every options record in seqlab follows one style: a compact constructor that validates, a
 * static {@code defaults()}, and one-line withers ({@code Foo.defaults().withDim(300)}) that
 * delegate to {@link dev.seqlab.core.options.Withers#with}, so adding a component does not touch
 * the other withers.
 */
package dev.seqlab.core.options;
