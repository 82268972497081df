package io.kefu.support;

import io.kefu.identity.KefuGroups;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One of Camunda's webapps (Tasklist, Cockpit, Admin) in a real browser, logged in through its own login form as a
 * test user (password = user id); screenshots and the page's HTML of each step go to a folder of target/.
 */
public final class CamundaWebapp {

    private final WebDriver browser;
    private final int port;
    private final Path shots;
    private int shot;

    public CamundaWebapp(WebDriver browser, int port, Path shots) {
        this.browser = browser;
        this.port = port;
        this.shots = shots;
        try {
            Files.createDirectories(shots);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Camunda's webapps send everyone to the "create an administrator" page as long as no user is in camunda-admin
     * (the demo data makes {@code admin}; the tests' database has no demo data).
     */
    public static void ensureAnAdministrator(IdentityService identityService) {
        if (identityService.createUserQuery().memberOfGroup(KefuGroups.ADMINS).count() == 0) {
            if (identityService.createUserQuery().userId("admin").count() == 0) {
                User admin = identityService.newUser("admin");
                admin.setFirstName("admin");
                admin.setLastName("Test");
                admin.setPassword("admin");
                identityService.saveUser(admin);
            }
            identityService.createMembership("admin", KefuGroups.ADMINS);
        }
    }

    /**
     * Logs in to {@code app} (tasklist, cockpit, admin) through its login form, in a fresh session, and waits for
     * {@code started} to show. A login is tried twice.
     */
    public void logIn(String app, String user, IdentityService identityService, By started) {
        // an earlier test of the shared database may have moved the engine clock or left failed logins behind
        ClockUtil.reset();
        identityService.unlockUser(user);
        for (int attempt = 1; ; attempt++) {
            browser.manage().deleteAllCookies();
            browser.get("http://localhost:" + port + "/camunda/app/" + app + "/default/");
            WebElement name = awaitStarted(By.cssSelector("input[ng-model=username]"));
            name.sendKeys(user);
            browser.findElement(By.cssSelector("input[type=password]")).sendKeys(user);
            browser.findElement(By.cssSelector("button[type=submit]")).click();
            try {
                awaitStarted(started);
                return;
            } catch (TimeoutException notLoggedIn) {
                screenshot("login-" + user);
                if (attempt == 2) {
                    throw notLoggedIn;
                }
            }
        }
    }

    /**
     * Waits for the webapp to show {@code element}. The webapps load their plugins with RequireJS, which gives up after
     * seven seconds ("Load timeout for modules"): on a machine under heavy load the page then stays on its spinner for
     * good. A user would reload the page, and so does this, twice at most.
     */
    public WebElement awaitStarted(By element) {
        for (int attempt = 1; ; attempt++) {
            try {
                return new WebDriverWait(browser, Duration.ofSeconds(40))
                        .until(ExpectedConditions.visibilityOfElementLocated(element));
            } catch (TimeoutException e) {
                screenshot("not-started");
                if (attempt == 3) {
                    throw e;
                }
                browser.navigate().refresh();
            }
        }
    }

    /** Opens a page of the webapp by its address after the hash (e.g. {@code /processes}). */
    public void open(String app, String route) {
        browser.get("http://localhost:" + port + "/camunda/app/" + app + "/default/#" + route);
    }

    /** A screenshot and the page's HTML, numbered in the order taken. */
    public void screenshot(String name) {
        try {
            Path file = shots.resolve(String.format("%02d-%s.png", ++shot, name));
            Files.write(file, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
            Files.writeString(shots.resolve(String.format("%02d-%s.html", shot, name)),
                    String.valueOf(((JavascriptExecutor) browser).executeScript(
                            "return document.documentElement.outerHTML")), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
