/** {@code seqlab fasttext}: fastText subword training from the command line ({@link dev.seqlab.cli.fasttext.FastTextCommand}). */
package dev.seqlab.cli.fasttext;
