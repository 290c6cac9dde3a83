/** {@code seqlab text train} and {@code seqlab text sample}: character language models on any text. */
package dev.seqlab.cli.text;
