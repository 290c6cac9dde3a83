package dev.seqlab.cli.embeddings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.seqlab.cli.CliRun;
import dev.seqlab.cli.Json;
import dev.seqlab.embeddings.WordVectors;
import dev.seqlab.explorer.ExplorerOptions;
import dev.seqlab.explorer.server.ExplorerServer;
import dev.seqlab.sentences.SentenceEncoder;
import dev.seqlab.sentences.SentenceEncoderOptions;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The explorer's API answers what the commands print with {@code --json}, document for document. */
class ServeCommandTest {

    @TempDir
    Path dir;

    @Test
    void apiAnswersAreTheCommandsJson() throws Exception {
        Path glove = dir.resolve("tiny.txt");
        Files.writeString(
                glove,
                String.join(
                        "\n",
                        "man 1 0 0 0 0.1",
                        "woman 0 1 0 0 0.1",
                        "king 0 0 1 0 0.2",
                        "prince 0 0 0 1 0.1",
                        "queen -0.5 0.6 0.6 0 0",
                        "he 0.9 0.1 0 0 0.3",
                        "she 0.1 0.9 0 0 0.3",
                        "doctor 0.3 0.1 0 0 1",
                        "nurse 0.1 0.3 0 0 1",
                        "car 0 0 0 0.2 -1",
                        ""));
        String v = glove.toString();
        try (ExplorerServer server = ExplorerServer.start(
                WordVectors.load(glove),
                null,
                ExplorerOptions.defaults().withPort(0).withThreads(2))) {
            assertSame(
                    cli("similar", "--vectors", v, "--top", "3", "--json", "king", "queen", "--negative", "man"),
                    api(server, "similar?word=king&word=queen&negative=man&top=3"));
            assertSame(
                    cli("analogy", "--vectors", v, "--method", "mul", "--top", "4", "--json", "man", "woman", "king"),
                    api(server, "analogy?a=man&b=woman&c=king&method=mul&top=4"));
            assertSame(
                    cli("doesnt-match", "--vectors", v, "--json", "man", "woman", "car"),
                    api(server, "doesnt-match?word=man&word=woman&word=car"));
            assertSame(
                    cli("similarity", "--vectors", v, "--json", "doctor", "nurse"),
                    api(server, "similarity?word1=doctor&word2=nurse"));
            Path pairs = dir.resolve("pairs.txt");
            Files.writeString(pairs, "woman man\nshe he\n");
            Path neutral = dir.resolve("neutral.txt");
            Files.writeString(neutral, "doctor\nnurse\n");
            ObjectNode debias = (ObjectNode) cli(
                    "debias",
                    "--vectors",
                    v,
                    "--out",
                    dir.resolve("out.txt").toString(),
                    "--pairs",
                    pairs.toString(),
                    "--neutral",
                    neutral.toString(),
                    "--json");
            debias.remove("out");
            debias.remove("format");
            assertSame(debias, api(server, "bias?pair=woman:man&pair=she:he&word=doctor&word=nurse"));
        }
    }

    @Test
    void sentenceSimilarityIsTheSentencesCommandsJson() throws Exception {
        Path glove = dir.resolve("two.txt");
        Files.writeString(glove, "a 1 0\nb 0 1\n");
        try (SentenceEncoder encoder =
                        SentenceEncoder.load(SentenceEncoder.BUNDLED_MODEL, SentenceEncoderOptions.DEFAULT);
                ExplorerServer server = ExplorerServer.start(
                        WordVectors.load(glove),
                        encoder,
                        ExplorerOptions.defaults().withPort(0).withThreads(2))) {
            CliRun r = CliRun.of(
                    "sentences",
                    "similar",
                    "--json",
                    "a dog runs in the park",
                    "the stock market fell today",
                    "a puppy is running on grass");
            assertEquals(0, r.code(), r.err());
            JsonNode expected = Json.mapper().readTree(r.out());
            JsonNode actual = api(
                    server,
                    "sentences?query=a+dog+runs+in+the+park&sentence=the+stock+market+fell+today"
                            + "&sentence=a+puppy+is+running+on+grass");
            assertEquals(
                    expected.get("results").get(0).get("sentence"),
                    actual.get("results").get(0).get("sentence"));
            assertSame(expected, actual);
        }
    }

    @Test
    void serveIsListedWithItsOptions() {
        CliRun r = CliRun.of("embeddings", "serve", "--help");
        assertEquals(0, r.code(), r.err());
        assertTrue(
                r.out().contains("--bind")
                        && r.out().contains("--sentences")
                        && r.out().contains("--port"),
                r.out());
    }

    private static void assertSame(JsonNode expected, JsonNode actual) {
        assertEquals(expected, actual, "CLI " + expected + "\nAPI " + actual);
    }

    private static JsonNode cli(String... args) throws IOException {
        String[] all = new String[args.length + 1];
        all[0] = "embeddings";
        System.arraycopy(args, 0, all, 1, args.length);
        CliRun r = CliRun.of(all);
        assertEquals(0, r.code(), r.err());
        return Json.mapper().readTree(r.out());
    }

    private static JsonNode api(ExplorerServer server, String query) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(server.url() + "api/" + query))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return Json.mapper().readTree(r.body());
    }
}
