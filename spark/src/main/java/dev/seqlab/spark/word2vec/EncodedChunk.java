package dev.seqlab.spark.word2vec;

import dev.seqlab.corpora.text.Vocabulary;
import dev.seqlab.embeddings.word2vec.TrainingJob;
import dev.seqlab.embeddings.word2vec.Word2VecShard;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

/**
 * About {@value TrainingJob#TARGET_WORDS} corpus tokens of sentences encoded as word ids: the
 * unit in which a partition's corpus is cached in the executors and handed to the trainer.
 */
final class EncodedChunk implements Serializable {
    private static final long serialVersionUID = 1L;

    private final int[] words;
    private final int[] sentenceEnds;
    private final long corpusWords;

    private EncodedChunk(int[] words, int[] sentenceEnds, long corpusWords) {
        this.words = words;
        this.sentenceEnds = sentenceEnds;
        this.corpusWords = corpusWords;
    }

    /** The corpus tokens the chunk covers, words out of the vocabulary included. */
    long corpusWords() {
        return corpusWords;
    }

    /** The chunk as a training job numbered {@code sequence}. */
    TrainingJob job(long sequence) {
        return Word2VecShard.job(words, words.length, sentenceEnds, sentenceEnds.length, corpusWords, sequence);
    }

    /** Encodes a partition's sentences with {@code vocabulary}, in chunks. */
    static Iterator<EncodedChunk> encode(Iterator<String[]> sentences, Vocabulary vocabulary) {
        List<EncodedChunk> out = new ArrayList<>();
        int[] ids = new int[TrainingJob.TARGET_WORDS];
        int[] ends = new int[256];
        int length = 0;
        int count = 0;
        long tokens = 0;
        while (sentences.hasNext()) {
            String[] sentence = sentences.next();
            if (length + sentence.length > ids.length) {
                ids = Arrays.copyOf(ids, Math.max(ids.length * 2, length + sentence.length));
            }
            if (count == ends.length) {
                ends = Arrays.copyOf(ends, count * 2);
            }
            length += vocabulary.encode(Arrays.asList(sentence), ids, length);
            ends[count++] = length;
            tokens += sentence.length;
            if (tokens >= TrainingJob.TARGET_WORDS) {
                out.add(new EncodedChunk(Arrays.copyOf(ids, length), Arrays.copyOf(ends, count), tokens));
                length = 0;
                count = 0;
                tokens = 0;
            }
        }
        if (tokens > 0) {
            out.add(new EncodedChunk(Arrays.copyOf(ids, length), Arrays.copyOf(ends, count), tokens));
        }
        return out.iterator();
    }
}
