package io.chancery.gateway.website;

import java.util.List;
import java.util.Set;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;

/**
 * Deque's axe-core run on the page a {@link BrowserSession} shows, against the WCAG 2.2 A
 * and AA rules: what it finds of serious or critical impact, each as one line naming the
 * rule and where it fails. axe is put into the page through the driver, which the page's
 * Content Security Policy does not govern, so the page is audited as readers get it.
 */
public final class AccessibilityAudit {

	private static final List<String> RULES = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

	private static final Set<String> GRAVE = Set.of("serious", "critical");

	private AccessibilityAudit() {
	}

	/** The serious and critical violations on the page shown now; none when it passes. */
	public static List<String> graveViolations(BrowserSession browser) {
		Results results = new AxeBuilder().withTags(RULES).analyze(browser.driver());
		if (results.isErrored()) {
			throw new IllegalStateException("axe-core did not run: " + results.getErrorMessage());
		}
		return results.getViolations()
			.stream()
			.filter((rule) -> GRAVE.contains(rule.getImpact()))
			.map(AccessibilityAudit::describe)
			.toList();
	}

	private static String describe(Rule rule) {
		return rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at "
				+ rule.getNodes().stream().limit(5).map((node) -> String.valueOf(node.getTarget())).toList() + " on "
				+ rule.getUrl();
	}

}
