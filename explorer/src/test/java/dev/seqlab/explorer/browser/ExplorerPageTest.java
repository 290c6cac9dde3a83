package dev.seqlab.explorer.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.seqlab.embeddings.WordVectors;
import dev.seqlab.explorer.ExplorerOptions;
import dev.seqlab.explorer.TestVectors;
import dev.seqlab.explorer.server.ExplorerServer;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The page in a real headless Chromium (Debian's chromium and chromedriver, by path: nothing is
 * downloaded): neighbours in the API's order, prefix completion, PCA and t-SNE maps with one
 * point per word, click-to-recentre, an analogy, the bias view, and following a shared URL. Each
 * state is saved as a PNG under {@code target/explorer-screenshots/}.
 */
class ExplorerPageTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SHOTS = Path.of("target", "explorer-screenshots");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    static ExplorerServer server;
    static ChromeDriver driver;
    static WebDriverWait wait;

    @BeforeAll
    static void start() throws IOException {
        assumeTrue(
                Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "needs Debian's chromium and chromium-driver (.ci/run installs them)");
        WordVectors vectors = WordVectors.load(TestVectors.write(dir));
        server = ExplorerServer.start(
                vectors, null, ExplorerOptions.defaults().withPort(0).withThreads(4));
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--window-size=1100,800",
                "--user-data-dir=" + dir.resolve("chromium-profile"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, Duration.ofSeconds(15));
        // the page redraws the map and tables while a condition polls: an element found in one
        // drawing may be gone when its attribute is read, so such a poll just tries again
        wait.ignoring(StaleElementReferenceException.class);
        Files.createDirectories(SHOTS);
    }

    @AfterAll
    static void stop() {
        if (driver != null) {
            driver.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void thePageAnswersAsTheApiDoes() throws Exception {
        driver.get(server.url());
        wait.until(d -> d.findElement(By.id("info")).getText().contains("words"));

        // type a word: completion offers the king- words, and the neighbours come in the API's order
        WebElement word = driver.findElement(By.id("word"));
        word.sendKeys("kin");
        wait.until(d -> d.findElements(By.cssSelector("#completions option")).size() == 4);
        assertEquals(
                "king",
                driver.findElement(By.cssSelector("#completions option")).getAttribute("value"));
        word.sendKeys("g");
        driver.findElement(By.cssSelector("#form-neighbours button")).click();
        wait.until(d ->
                d.findElements(By.cssSelector("#neighbours-table tr.result")).size() == 10);
        assertEquals(apiWords("similar?word=king&top=10", "neighbors"), column("#neighbours-table"));
        shot("1-neighbours");

        // the map of king's neighbourhood: 25 points by PCA, then by t-SNE with progress
        driver.findElement(By.cssSelector("[data-tab=map]")).click();
        driver.findElement(By.id("center")).sendKeys("king");
        WebElement points = driver.findElement(By.id("map-top"));
        points.clear();
        points.sendKeys("25");
        driver.findElement(By.cssSelector("#form-map button")).click();
        wait.until(d -> d.findElements(By.cssSelector("#map circle.point")).size() == 25);
        assertEquals(
                "king", driver.findElement(By.cssSelector("#map circle.center")).getAttribute("data-word"));
        shot("2-map-pca");
        // the wheel zooms in: the view box narrows
        String before = viewBox();
        driver.executeScript("document.getElementById('map').dispatchEvent(new WheelEvent('wheel',"
                + " {deltaY: -100, clientX: 500, clientY: 400, bubbles: true, cancelable: true}));");
        String after = viewBox();
        assertTrue(
                Double.parseDouble(after.split(" ")[2]) < Double.parseDouble(before.split(" ")[2]),
                before + " -> " + after);
        new Select(driver.findElement(By.id("map-method"))).selectByValue("tsne");
        driver.findElement(By.cssSelector("#form-map button")).click();
        wait.until(d -> d.findElement(By.id("map-status")).getText().contains("tsne"));
        assertEquals(
                25, driver.findElements(By.cssSelector("#map circle.point")).size());
        shot("3-map-tsne");

        // click a point: the map recentres on it
        new Select(driver.findElement(By.id("map-method"))).selectByValue("pca");
        driver.findElement(By.cssSelector("#map circle[data-word=prince]")).click();
        wait.until(d -> "prince"
                .equals(d.findElement(By.cssSelector("#map circle.center")).getAttribute("data-word")));
        assertEquals(
                25, driver.findElements(By.cssSelector("#map circle.point")).size());
        assertTrue(driver.getCurrentUrl().contains("center=prince"), driver.getCurrentUrl());
        shot("4-map-recentred");

        // an analogy
        driver.findElement(By.cssSelector("[data-tab=analogy]")).click();
        driver.findElement(By.id("a")).sendKeys("man");
        driver.findElement(By.id("b")).sendKeys("woman");
        driver.findElement(By.id("c")).sendKeys("king");
        driver.findElement(By.cssSelector("#form-analogy button")).click();
        wait.until(
                d -> !d.findElements(By.cssSelector("#analogy-table tr.result")).isEmpty());
        List<String> answers = column("#analogy-table");
        assertEquals("queen", answers.get(0));
        assertEquals(apiWords("analogy?a=man&b=woman&c=king&top=10", "answers"), answers);
        shot("5-analogy");
        String shared = driver.findElement(By.id("share")).getAttribute("href");

        // the bias view
        driver.findElement(By.cssSelector("[data-tab=bias]")).click();
        WebElement pairs = driver.findElement(By.id("bias-pairs"));
        pairs.clear();
        pairs.sendKeys("woman:man she:he");
        WebElement biasWords = driver.findElement(By.id("bias-words"));
        biasWords.clear();
        biasWords.sendKeys("nurse doctor engineer");
        driver.findElement(By.cssSelector("#form-bias button")).click();
        // before and after for 3 neutral words and 4 equalized pair words
        wait.until(
                d -> d.findElements(By.cssSelector("#bias circle.bias-point")).size() == 14);
        shot("6-bias");

        // a shared URL opened afresh restores the analogy and its answers
        driver.get("about:blank");
        driver.get(shared);
        wait.until(
                d -> !d.findElements(By.cssSelector("#analogy-table tr.result")).isEmpty());
        assertEquals(answers, column("#analogy-table"));
        assertEquals("king", driver.findElement(By.id("c")).getAttribute("value"));
        shot("7-shared-analogy");

        // and a shared map
        driver.get(server.url() + "#tab=map&center=paris&n=8&method=pca");
        wait.until(d -> d.findElements(By.cssSelector("#map circle.point")).size() == 8);
        shot("8-shared-map");
    }

    private static String viewBox() {
        return (String) driver.executeScript("return document.getElementById('map').getAttribute('viewBox');");
    }

    private static List<String> column(String table) {
        List<String> words = new ArrayList<>();
        for (WebElement td : driver.findElements(By.cssSelector(table + " tr.result td.word"))) {
            words.add(td.getText());
        }
        return words;
    }

    private static List<String> apiWords(String query, String list) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(server.url() + "api/" + query))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        List<String> words = new ArrayList<>();
        for (JsonNode n : JSON.readTree(r.body()).get(list)) {
            words.add(n.get("word").asText());
        }
        return words;
    }

    private static void shot(String name) throws IOException {
        Path png = driver.getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(png, SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
