package io.chancery.gateway.website;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * A headless Chromium driven through chromedriver, for browser tests that must run the
 * same on a laptop and in CI: Debian's {@code chromium} and {@code chromium-driver}
 * packages at their standard paths (overridable with the {@code chancery.browser.binary}
 * and {@code chancery.browser.driver} system properties), never a downloaded browser or
 * driver, and a fresh profile per session that is deleted afterwards. Screenshots of the
 * whole page go to {@code target/screenshots/<test>-<step>.png}.
 * <p>
 * Self-contained on purpose (Selenium and the JDK only), so other modules' browser tests
 * can copy it as it is.
 */
public final class BrowserSession implements AutoCloseable {

	/** Debian's chromium package. */
	public static final String BROWSER = "/usr/bin/chromium";

	/** Debian's chromium-driver package. */
	public static final String DRIVER = "/usr/bin/chromedriver";

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	/**
	 * Debian's Chromium is often newer than the DevTools bindings Selenium ships; nothing
	 * here uses them (CDP commands go through chromedriver), so their warning is noise.
	 * Held in a field so the setting is not collected with the logger.
	 */
	private static final Logger DEVTOOLS_VERSIONS = Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

	static {
		DEVTOOLS_VERSIONS.setLevel(Level.SEVERE);
	}

	private final String baseUrl;

	private final Path profile;

	private final ChromeDriver driver;

	private BrowserSession(String baseUrl, Path profile, ChromeDriver driver) {
		this.baseUrl = baseUrl;
		this.profile = profile;
		this.driver = driver;
	}

	/** Starts a browser whose relative addresses resolve against {@code baseUrl}. */
	public static BrowserSession start(String baseUrl) {
		// The service below names the driver, so Selenium Manager is never asked for
		// one; should anything reach it, it sends no statistics.
		System.setProperty("SE_AVOID_STATS", "true");
		String browser = System.getProperty("chancery.browser.binary", BROWSER);
		String driverPath = System.getProperty("chancery.browser.driver", DRIVER);
		requireExecutable(browser, "chromium");
		requireExecutable(driverPath, "chromium-driver");
		Path profile;
		try {
			profile = Files.createTempDirectory("browser-session-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		ChromeOptions options = new ChromeOptions();
		options.setBinary(browser);
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-default-apps",
				"--disable-sync", "--no-first-run", "--no-default-browser-check", "--mute-audio",
				"--user-data-dir=" + profile.toAbsolutePath(), "--window-size=1280,900", "--lang=en-GB");
		LoggingPreferences logs = new LoggingPreferences();
		logs.enable(LogType.BROWSER, Level.ALL);
		options.setCapability("goog:loggingPrefs", logs);
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(driverPath))
			.usingAnyFreePort()
			.withLogOutput(OutputStream.nullOutputStream())
			.build();
		try {
			ChromeDriver driver = new ChromeDriver(service, options);
			driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
			driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
			return new BrowserSession(baseUrl, profile, driver);
		}
		catch (RuntimeException ex) {
			delete(profile);
			throw ex;
		}
	}

	public ChromeDriver driver() {
		return this.driver;
	}

	/**
	 * Opens {@code path} (relative to the base address) and waits for the document to
	 * load.
	 */
	public BrowserSession open(String path) {
		this.driver.get(path.startsWith("/") ? this.baseUrl + path : path);
		return this;
	}

	/** The current address, without the base. */
	public String path() {
		String url = this.driver.getCurrentUrl();
		return (url != null && url.startsWith(this.baseUrl)) ? url.substring(this.baseUrl.length()) : url;
	}

	public WebElement find(String css) {
		return this.driver.findElement(By.cssSelector(css));
	}

	public List<WebElement> findAll(String css) {
		return this.driver.findElements(By.cssSelector(css));
	}

	/**
	 * Clicks the element {@code css} finds at the moment of the click. A page rendered on
	 * the server is redrawn by its script once the live data arrives, so an element found
	 * a moment earlier may no longer be in the document: it is found again, for up to a
	 * few seconds.
	 */
	public void click(String css) {
		long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
		while (true) {
			try {
				find(css).click();
				return;
			}
			catch (StaleElementReferenceException ex) {
				if (System.nanoTime() > deadline) {
					throw ex;
				}
			}
		}
	}

	/**
	 * The visible text of the first element matching {@code css}, or "" when there is
	 * none.
	 */
	public String text(String css) {
		List<WebElement> found = findAll(css);
		return found.isEmpty() ? "" : found.get(0).getText();
	}

	/** The visible texts of every element matching {@code css}. */
	public List<String> texts(String css) {
		return findAll(css).stream().map(WebElement::getText).toList();
	}

	/** Runs {@code script} in the page; {@code arguments[i]} are the arguments. */
	public Object script(String script, Object... arguments) {
		return ((JavascriptExecutor) this.driver).executeScript(script, arguments);
	}

	/** Emulates a phone's screen ({@code width} CSS pixels wide, touch, 2x density). */
	public BrowserSession phone(int width, int height) {
		this.driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", width, "height", height, "deviceScaleFactor", 2, "mobile", true));
		return this;
	}

	/** Back to the desktop window. */
	public BrowserSession desktop() {
		this.driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
		return this;
	}

	/**
	 * A screenshot of the whole page (not only the viewport) as
	 * {@code target/screenshots/<test>-<step>.png}.
	 */
	public Path screenshot(String test, String step) {
		Path file = SCREENSHOTS.resolve(safe(test) + "-" + safe(step) + ".png");
		try {
			Files.createDirectories(SCREENSHOTS);
			Files.write(file, fullPage());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return file;
	}

	@SuppressWarnings("unchecked")
	private byte[] fullPage() {
		try {
			Map<String, Object> metrics = this.driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
			Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
			double width = ((Number) size.get("width")).doubleValue();
			double height = Math.min(((Number) size.get("height")).doubleValue(), 16_000);
			Map<String, Object> shot = this.driver.executeCdpCommand("Page.captureScreenshot",
					Map.of("format", "png", "captureBeyondViewport", true, "clip",
							Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
			return Base64.getDecoder().decode((String) shot.get("data"));
		}
		catch (WebDriverException | ClassCastException | NullPointerException ex) {
			return this.driver.getScreenshotAs(OutputType.BYTES);
		}
	}

	/**
	 * What the page wrote to the console at warning level or above since the last call:
	 * script errors, failed requests, Content Security Policy violations.
	 */
	public List<String> problems() {
		List<String> problems = new ArrayList<>();
		for (LogEntry entry : this.driver.manage().logs().get(LogType.BROWSER)) {
			if (entry.getLevel().intValue() >= Level.WARNING.intValue()) {
				problems.add(entry.getLevel() + " " + entry.getMessage());
			}
		}
		return problems;
	}

	@Override
	public void close() {
		try {
			this.driver.quit();
		}
		finally {
			delete(this.profile);
		}
	}

	private static void requireExecutable(String path, String debianPackage) {
		if (!Files.isExecutable(Path.of(path))) {
			throw new IllegalStateException(
					path + " is missing: install Debian's " + debianPackage + " package (apt-get install chromium "
							+ "chromium-driver), or name another with -Dchancery.browser.binary / -driver");
		}
	}

	private static String safe(String name) {
		return name.replaceAll("[^A-Za-z0-9._-]+", "-");
	}

	private static void delete(Path directory) {
		if (!Files.exists(directory)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(directory)) {
			paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
		catch (IOException ex) {
			// A profile left in the temporary directory is harmless.
		}
	}

}
