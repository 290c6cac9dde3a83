package dev.seqlab.rnn.lm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seqlab.core.io.MalformedFileException;
import dev.seqlab.core.param.Parameter;
import dev.seqlab.core.progress.ProgressListener;
import dev.seqlab.core.random.SeededRandom;
import dev.seqlab.rnn.cell.CellKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CharLanguageModelTest {
    private static String text;
    private static CharLanguageModel trained;
    private static TrainingReport report;
    private static final TrainOptions OPTIONS = new TrainOptions(6, 16, 40, 1e-2f, 5.0, 0f, 1.0, 3, 0.1, 0, null);

    /** A text from a small grammar the test writes: structure a model can learn, far from uniform. */
    static String grammarText(int sentences, long seed) {
        String[] subjects = {"the cat", "a dog", "my friend", "the old man", "our teacher"};
        String[] verbs = {"sees", "likes", "finds", "paints", "follows"};
        String[] objects = {"the red ball", "a small bird", "the river", "some bread", "the moon"};
        SeededRandom rng = new SeededRandom(seed);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < sentences; i++) {
            sb.append(subjects[rng.nextInt(5)])
                    .append(' ')
                    .append(verbs[rng.nextInt(5)])
                    .append(' ')
                    .append(objects[rng.nextInt(5)])
                    .append(rng.nextInt(4) == 0 ? "!\n" : ".\n");
        }
        return sb.toString();
    }

    @BeforeAll
    static void train() {
        text = grammarText(900, 11);
        trained = CharLanguageModel.create(
                CharVocabulary.of(text),
                CharModelOptions.defaults().withHidden(48).withLayers(1),
                5);
        report = CharModelTrainer.train(trained, TrainingData.text(text), OPTIONS, ProgressListener.NONE);
    }

    /** Cross-entropy of the held-out part under the training part's character frequencies. */
    private static double unigramBaseline() {
        int nVal = (int) Math.round(text.length() * OPTIONS.validationFraction());
        String tr = text.substring(0, text.length() - nVal);
        String va = text.substring(text.length() - nVal);
        Map<Character, Integer> counts = new HashMap<>();
        for (char c : tr.toCharArray()) {
            counts.merge(c, 1, Integer::sum);
        }
        double sum = 0;
        for (char c : va.toCharArray()) {
            sum -= Math.log(counts.getOrDefault(c, 1) / (double) tr.length());
        }
        return sum / va.length();
    }

    @Test
    void heldOutLossIsFarBelowTheUnigramBaseline() {
        double baseline = unigramBaseline();
        double val = report.finalValidationLoss();
        System.out.printf(
                "unigram baseline %.3f nats/char, held-out loss %.3f after %d epochs (%.0f chars/s)%n",
                baseline, val, report.trainLoss().size(), report.charactersPerSecond());
        assertTrue(val < 0.6 * baseline, "held-out " + val + " vs unigram " + baseline);
        assertTrue(report.trainLoss().get(report.trainLoss().size() - 1)
                < report.trainLoss().get(0));
    }

    @Test
    void sameSeedSameWeightsAndSamples() {
        String small = grammarText(120, 2);
        TrainOptions o = new TrainOptions(2, 8, 30, 1e-2f, 5.0, 0f, 1.0, 9, 0.1, 0, null);
        CharLanguageModel a = CharLanguageModel.create(
                CharVocabulary.of(small),
                CharModelOptions.defaults()
                        .withCell(CellKind.GRU)
                        .withHidden(16)
                        .withDropout(0.2f),
                4);
        CharLanguageModel b = CharLanguageModel.create(
                CharVocabulary.of(small),
                CharModelOptions.defaults()
                        .withCell(CellKind.GRU)
                        .withHidden(16)
                        .withDropout(0.2f),
                4);
        CharModelTrainer.train(a, TrainingData.text(small), o, ProgressListener.NONE);
        CharModelTrainer.train(b, TrainingData.text(small), o, ProgressListener.NONE);
        List<Parameter> pa = a.parameters().list();
        List<Parameter> pb = b.parameters().list();
        for (int i = 0; i < pa.size(); i++) {
            assertArrayEquals(
                    pa.get(i).value().data(),
                    pb.get(i).value().data(),
                    pa.get(i).name());
        }
        SamplingOptions s = SamplingOptions.defaults(80).withTemperature(0.8).withTopP(0.95);
        assertEquals(
                CharSampler.sample(a, "the ", s, new SeededRandom(1)),
                CharSampler.sample(b, "the ", s, new SeededRandom(1)));
    }

    @Test
    void greedySamplingFollowsTheGrammar() {
        String s = CharSampler.sample(
                trained,
                "the cat ",
                SamplingOptions.defaults(40).withTopK(1).withStopAtNewline(true),
                new SeededRandom(1));
        System.out.println("greedy: the cat " + s);
        assertTrue(s.matches("(sees|likes|finds|paints|follows) .*"), s);
    }

    @Test
    void beamSearchFindsTextsAtLeastAsLikelyAsGreedy() {
        List<CharBeamSearch.Candidate> one = CharBeamSearch.search(trained, "the cat ", 1, 40, true);
        String greedy = CharSampler.sample(
                trained,
                "the cat ",
                SamplingOptions.defaults(40).withTopK(1).withStopAtNewline(true),
                new SeededRandom(1));
        assertEquals(greedy, one.get(0).text(), "width 1 is greedy decoding");
        List<CharBeamSearch.Candidate> five = CharBeamSearch.search(trained, "the cat ", 5, 40, true);
        assertEquals(5, five.size());
        assertTrue(five.get(0).logProb() >= one.get(0).logProb() - 1e-9);
        for (int i = 1; i < five.size(); i++) {
            assertTrue(five.get(i - 1).logProb() >= five.get(i).logProb(), "sorted best first");
        }
        System.out.println("beam: " + five);
    }

    @Test
    void saveAndLoadGiveTheSameModel(@TempDir Path dir) throws IOException {
        trained.save(dir.resolve("m"));
        CharLanguageModel loaded = CharLanguageModel.load(dir.resolve("m"));
        assertEquals(trained.vocabulary().chars(), loaded.vocabulary().chars());
        SamplingOptions s = SamplingOptions.defaults(60);
        assertEquals(
                CharSampler.sample(trained, "a ", s, new SeededRandom(3)),
                CharSampler.sample(loaded, "a ", s, new SeededRandom(3)));
        assertTrue(Files.readString(dir.resolve("m/config.json")).contains("\"cell\" : \"lstm\""));
    }

    @Test
    void loadRejectsWhatIsNotAModel(@TempDir Path dir) throws IOException {
        assertThrows(NoSuchFileException.class, () -> CharLanguageModel.load(dir.resolve("absent")));
        Files.writeString(dir.resolve("config.json"), "{\"architecture\": \"something-else\"}");
        MalformedFileException e = assertThrows(MalformedFileException.class, () -> CharLanguageModel.load(dir));
        assertTrue(e.getMessage().contains("not a seqlab character model"), e.getMessage());
        Files.writeString(dir.resolve("config.json"), "{oops");
        assertThrows(MalformedFileException.class, () -> CharLanguageModel.load(dir));
    }

    @Test
    void unknownCharacterInThePrimeIsNamed() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> CharSampler.sample(trained, "the Z", SamplingOptions.defaults(5), new SeededRandom(1)));
        assertTrue(e.getMessage().contains("'Z'"), e.getMessage());
    }

    @Test
    void namesAsLinesEndWithNewlineAndTrain() {
        List<String> names = new ArrayList<>();
        String[] heads = {"Tyranno", "Stego", "Bronto", "Raptoro", "Cerato", "Ankylo"};
        String[] tails = {"saurus", "don", "raptor", "ceratops", "mimus"};
        for (String h : heads) {
            for (String t : tails) {
                names.add(h + t);
            }
        }
        TrainingData data = TrainingData.lines(names);
        CharLanguageModel m = CharLanguageModel.create(data.vocabulary(), CharModelOptions.lstm(32), 2);
        TrainingReport r = CharModelTrainer.train(
                m, data, new TrainOptions(30, 8, 1, 2e-2f, 5.0, 0f, 1.0, 1, 0.0, 0, null), ProgressListener.NONE);
        assertTrue(
                r.finalTrainLoss() < 0.5 * r.trainLoss().get(0), r.trainLoss().toString());
        String name = CharSampler.sample(
                m, "", SamplingOptions.defaults(30).withTemperature(0.5).withStopAtNewline(true), new SeededRandom(4));
        assertTrue(!name.isEmpty() && !name.contains("\n"), name);
        CharBatch batch = CharBatches.lines(List.of("Ab", "C"), CharVocabulary.of("AbC\n"), 2, null)
                .get(0);
        assertArrayEquals(new int[] {3, 2}, batch.lengths());
        assertArrayEquals(new int[] {1, 2, 3, 0, 0, -1}, batch.targets()); // "Ab\n", "C\n" then padding
        assertArrayEquals(new int[] {-1, -1, 1, 2, 3, -1}, batch.inputs()); // ids: \n=0, A=1, C=2, b=3
    }
}
