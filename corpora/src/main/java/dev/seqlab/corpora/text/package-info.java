/**
 * Raw text as a stream of tokenised sentences, for training word embeddings:
 * {@link dev.seqlab.corpora.text.Corpus} (a re-readable source of sentences: a file, a directory
 * of files, gzip or plain, or an in-memory list), {@link dev.seqlab.corpora.text.TextCorpusOptions}
 * (tokenizer, lower-casing, sentence length cap), {@link dev.seqlab.corpora.text.Tokenizers}
 * (OpenNLP's simple, whitespace and learned tokenizers, the English model included) and
 * {@link dev.seqlab.corpora.text.Vocabulary} (word counts with min-count and max-size, word ids)
 * and {@link dev.seqlab.corpora.text.EncodedCorpus} (a corpus counted and written as word numbers
 * to a temporary file in one pass, for trainers that read it several times; text split at
 * whitespace is counted straight from its UTF-8 bytes, without a string per token).
 *
 * <p>Nothing here holds a whole corpus in memory: files are read in pieces of bounded size, even
 * when the corpus is one very long line (text8), and such lines are cut into sentences of at most
 * {@link dev.seqlab.corpora.text.TextCorpusOptions#maxSentenceLength()} tokens.
 */
package dev.seqlab.corpora.text;
