package dev.seqlab.explorer.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.seqlab.embeddings.AnalogyMethod;
import dev.seqlab.embeddings.WordVectors;
import dev.seqlab.embeddings.answers.AnswerDocuments;
import dev.seqlab.explorer.ExplorerOptions;
import dev.seqlab.explorer.TestVectors;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExplorerServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    static WordVectors vectors;
    static ExplorerServer server;

    @BeforeAll
    static void start() throws IOException {
        vectors = WordVectors.load(TestVectors.write(dir));
        server = ExplorerServer.start(
                vectors, null, ExplorerOptions.defaults().withPort(0).withThreads(4));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static JsonNode get(String target, int expectedStatus) throws IOException {
        RawHttp.Response r = RawHttp.request(server.port(), "GET", target);
        assertEquals(expectedStatus, r.status(), target + " -> " + r.body());
        return JSON.readTree(r.body());
    }

    @Test
    void answersAreTheLibrarysDocuments() throws IOException {
        JsonNode similar = get("/api/similar?word=king&top=5", 200);
        assertEquals(
                JSON.valueToTree(AnswerDocuments.similar(List.of("king"), List.of(), vectors.mostSimilar("king", 5))),
                similar);
        JsonNode analogy = get("/api/analogy?a=man&b=woman&c=king&method=mul&top=3", 200);
        assertEquals(
                JSON.valueToTree(AnswerDocuments.analogy(
                        "man",
                        "woman",
                        "king",
                        AnalogyMethod.MUL,
                        vectors.analogy("man", "woman", "king", AnalogyMethod.MUL, 3))),
                analogy);
        assertEquals(
                "queen",
                get("/api/analogy?a=man&b=woman&c=king", 200)
                        .get("answers")
                        .get(0)
                        .get("word")
                        .asText());
        assertEquals(
                "pear",
                get("/api/doesnt-match?word=paris&word=rome&word=pear&word=berlin", 200)
                        .get("doesnt_match")
                        .asText());
        assertEquals(
                List.of("king", "kingdom", "kings", "kingly"),
                texts(get("/api/complete?prefix=kin", 200).get("words")));
    }

    @Test
    void pcaMapHasOnePointPerWord() throws IOException {
        JsonNode map = get("/api/map?center=king&top=19", 200);
        assertEquals(20, map.get("points").size());
        assertEquals("king", map.get("words").get(0).asText());
        JsonNode list = get("/api/map?word=apple&word=paris&word=one&word=pear", 200);
        assertEquals(4, list.get("points").size());
    }

    @Test
    void tsneMapIsAJobThatFinishes() throws Exception {
        JsonNode job = get("/api/map?center=apple&top=29&method=tsne&iterations=300", 200);
        long id = job.get("job").asLong();
        JsonNode s = job;
        for (int i = 0; i < 200 && !s.get("state").asText().equals("done"); i++) {
            Thread.sleep(50);
            s = get("/api/job?id=" + id, 200);
        }
        assertEquals("done", s.get("state").asText(), s.toString());
        assertEquals(30, s.get("points").size());
        assertEquals(1.0, s.get("progress").asDouble());
    }

    @Test
    void biasViewIsTheDebiasPreview() throws IOException {
        JsonNode b = get("/api/bias?pair=woman:man&pair=she:he&word=nurse&word=doctor&word=unicorn", 200);
        assertEquals(List.of("woman/man", "she/he"), texts(b.get("direction_pairs")));
        JsonNode nurse = b.get("projections").get(0);
        assertEquals("nurse", nurse.get("word").asText());
        assertTrue(nurse.get("before").asDouble() > 0.1);
        assertEquals(0, nurse.get("after").asDouble(), 1e-6);
        assertEquals(List.of("unicorn"), texts(b.get("missing")));
    }

    @Test
    void badRequestsGetOneLineJsonErrorsAndTheServerKeepsServing() throws IOException {
        String longWord = "x".repeat(10_000);
        StringBuilder hugeList = new StringBuilder("/api/doesnt-match?");
        for (int i = 0; i < 100_000; i++) {
            hugeList.append("word=w").append(i).append('&');
        }
        StringBuilder longList = new StringBuilder("/api/map?");
        for (int i = 0; i < 1500; i++) {
            longList.append("word=w").append(i % 150).append('&');
        }
        String[][] cases = {
            {"/api/similar?word=kign", "400"},
            {"/api/similar?word=", "400"},
            {"/api/similar", "400"},
            {"/api/similar?word=" + longWord, "400"},
            {hugeList.toString(), "414"},
            {longList.toString(), "400"},
            {"/api/similar?word=king&=x", "400"},
            {"/api/similar?word=kéng", "400"},
            {"/api/similar?word=%C3%28", "400"},
            {"/api/similar?word=king&top=abc", "400"},
            {"/api/similar?word=king&top=1000000", "400"},
            {"/api/analogy?a=man&b=woman&c=king&method=sub", "400"},
            {"/api/job?id=999", "404"},
            {"/api/nothing", "404"},
            // paths that climb above the root or hide a separator: Jetty refuses them before the routes (400)
            {"/../../../../etc/passwd", "400"},
            {"/%2e%2e/%2e%2e/etc/passwd", "400"},
            {"/api/../../etc/passwd", "400"},
            {"/app.js/../../../pom.xml", "400"},
            {"/..%2f..%2fetc%2fpasswd", "400"},
            {"/dev/seqlab/explorer/static/app.js", "404"},
        };
        for (String[] c : cases) {
            RawHttp.Response r = RawHttp.request(server.port(), "GET", c[0]);
            String shown = c[0].length() > 60 ? c[0].substring(0, 60) + "…" : c[0];
            assertEquals(Integer.parseInt(c[1]), r.status(), shown + " -> " + r.body());
            assertEquals("application/json; charset=utf-8", r.contentType(), shown);
            assertTrue(
                    r.body().endsWith("\n")
                            && r.body().indexOf('\n') == r.body().length() - 1,
                    shown);
            JsonNode error = JSON.readTree(r.body());
            assertTrue(error.get("error").asText().length() > 3, shown);
            assertFalse(r.body().contains("passwd:"), shown);
            // still serving
            assertEquals(
                    200,
                    RawHttp.request(server.port(), "GET", "/api/similar?word=queen&top=2")
                            .status());
        }
        JsonNode unknown = get("/api/similar?word=kign", 400);
        assertTrue(unknown.get("error").asText().contains("unknown word 'kign'"), unknown.toString());
        assertTrue(texts(unknown.get("suggestions")).contains("king"));
        assertEquals(
                405,
                RawHttp.request(server.port(), "POST", "/api/similar?word=king").status());
    }

    @Test
    void requestsThatAreNotValidHttpGetOneLineJsonErrorsToo() throws IOException {
        String[][] cases = {
            // bad percent escapes in the query (not a URI to java.net.URI): the API's own 400
            {"GET /api/similar?word=%ZZ HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n", "400"},
            {"GET /api/similar?word=%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n", "400"},
            {"GET /api/similar?word=%E0%A4%A HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n", "400"},
            // refused by Jetty before the routes, answered by the server's error handler
            {"GET /api/%ZZ HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n", "400"},
            {"GARBAGE\r\n\r\n", "400"},
            {"GET\r\n\r\n", "400"},
            {"GET / HTTP/1.1\r\nConnection: close\r\n\r\n", "400"},
            {"GET / HTTP/1.1\r\nHost: localhost\r\nBad Header\r\n\r\n", "400"},
            {"GET / HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "x".repeat(5 << 20) + "\r\n\r\n", "431"},
        };
        for (String[] c : cases) {
            RawHttp.Response r = RawHttp.send(server.port(), c[0]);
            String shown = c[0].length() > 60 ? c[0].substring(0, 60) + "…" : c[0];
            assertEquals(Integer.parseInt(c[1]), r.status(), shown + " -> " + r.body());
            assertEquals("application/json; charset=utf-8", r.contentType(), shown);
            assertTrue(
                    r.body().endsWith("\n")
                            && r.body().indexOf('\n') == r.body().length() - 1,
                    shown);
            JsonNode error = JSON.readTree(r.body());
            assertEquals(List.of("error"), fieldNames(error), shown);
            assertTrue(error.get("error").asText().length() > 3, shown);
            assertEquals(
                    200,
                    RawHttp.request(server.port(), "GET", "/api/similar?word=queen&top=2")
                            .status());
        }
    }

    @Test
    void thePageAndItsAssetsComeFromTheJar() throws IOException {
        RawHttp.Response page = RawHttp.request(server.port(), "GET", "/");
        assertEquals(200, page.status());
        assertTrue(page.body().contains("<script src=\"app.js\">"));
        assertFalse(page.body().contains("http://") || page.body().contains("https://"), "no external resources");
        assertEquals(200, RawHttp.request(server.port(), "GET", "/app.js").status());
        assertEquals(200, RawHttp.request(server.port(), "GET", "/app.css").status());
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> texts(JsonNode array) {
        return JSON.convertValue(array, JSON.getTypeFactory().constructCollectionType(List.class, String.class));
    }
}
