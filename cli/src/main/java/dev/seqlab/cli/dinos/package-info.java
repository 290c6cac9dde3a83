/** {@code seqlab dinos}: new dinosaur names (or names in the style of any list) from a character LSTM. */
package dev.seqlab.cli.dinos;
