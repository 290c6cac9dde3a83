/** {@code seqlab glove}: GloVe training from the command line ({@link dev.seqlab.cli.glove.GloVeCommand}). */
package dev.seqlab.cli.glove;
