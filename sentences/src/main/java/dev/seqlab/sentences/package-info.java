/**
 * Sentence embeddings from pretrained ONNX encoders:
 * {@link dev.seqlab.sentences.SentenceEncoder} (the bundled quantised all-MiniLM-L6-v2,
 * or any BERT-style model directory with {@code model.onnx} and {@code tokenizer.json}), its
 * {@link dev.seqlab.sentences.SentenceEncoderOptions}, and the
 * {@link dev.seqlab.sentences.WordPieceTokenizer} that reads Hugging Face
 * {@code tokenizer.json} files and gives the same token ids as Hugging Face's tokenizers.
 */
package dev.seqlab.sentences;
