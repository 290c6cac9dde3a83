/**
 * Name generators ({@link dev.seqlab.generators.names.NameGenerator}): a character LSTM that
 * invents new names in the style of a list (dinosaur genera by default, cached under
 * {@code $SEQLAB_HOME} after the first run; any list a user gives).
 */
package dev.seqlab.generators.names;
