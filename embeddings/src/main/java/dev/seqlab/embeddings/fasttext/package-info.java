/**
 * fastText's subword model: {@link dev.seqlab.embeddings.fasttext.Subwords} (the FNV-1a hashing
 * and character n-gram rules of fastText's {@code Dictionary}, so ids agree with the fastText tool
 * bit for bit), {@link dev.seqlab.embeddings.fasttext.FastTextArgs} (the hyperparameters a {@code
 * .bin} stores), {@link dev.seqlab.embeddings.fasttext.FastTextDictionary} and {@link
 * dev.seqlab.embeddings.fasttext.FastTextModel} (the in-memory model: dictionary, input matrix of
 * word and n-gram rows, output matrix), whose {@code wordVector} answers for any word, seen or not,
 * exactly as fastText's {@code getWordVector}.
 */
package dev.seqlab.embeddings.fasttext;
