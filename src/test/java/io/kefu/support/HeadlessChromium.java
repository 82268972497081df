package io.kefu.support;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * Debian's chromium driven by its chromium-driver, headless and with no network of its own. Missing browsers fail the
 * test — never skip it — so that CI cannot pass without running the browser tests.
 */
public final class HeadlessChromium {

    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    public static WebDriver start() {
        return start(null);
    }

    /**
     * A browser whose user prefers {@code language} (an Accept-Language tag such as {@code zh-CN}): Camunda's webapps
     * pick their locale from it.
     */
    public static WebDriver start(String language) {
        if (!new File(CHROMIUM).canExecute() || !new File(CHROMEDRIVER).canExecute()) {
            fail("the console's browser test needs " + CHROMIUM + " and " + CHROMEDRIVER
                    + ": apt-get install -y chromium chromium-driver fonts-wqy-zenhei");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        if (language != null) {
            options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
            options.addArguments("--lang=" + language);
        }
        // the console's messages (CSP violations among them) for cspViolations
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--no-first-run",
                "--window-size=1400,1000");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }

    /**
     * What the browser refused under Kefu's Content-Security-Policy since the last call (an inline script, a style
     * attribute, a file from elsewhere): each is a page that no longer works as written.
     */
    public static List<String> cspViolations(WebDriver browser) {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(LogEntry::getMessage)
                .filter(message -> message.contains("Content Security Policy"))
                .toList();
    }

    private HeadlessChromium() {
    }
}
