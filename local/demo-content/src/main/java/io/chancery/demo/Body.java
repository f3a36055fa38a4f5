package io.chancery.demo;

import java.util.List;

/**
 * An article's body as blocks chosen once and written out in each language, so that the
 * translations say the same things in the same order. The HTML uses only paragraphs,
 * emphasis and bulleted lists.
 */
final class Body {

	private static final Phrase QUESTION = new Phrase("Question", "Вопрос");

	private static final Phrase ANSWER = new Phrase("Answer", "Ответ");

	private Body() {
	}

	static String html(List<Block> blocks, Slots slots) {
		StringBuilder html = new StringBuilder(2048);
		for (Block block : blocks) {
			block.write(html, slots);
		}
		return html.toString();
	}

	/** A part of a body. */
	sealed interface Block permits Paragraph, Note, Bullets, Exchange {

		void write(StringBuilder html, Slots slots);

	}

	/** Sentences run together in one paragraph. */
	record Paragraph(List<Phrase> sentences) implements Block {

		@Override
		public void write(StringBuilder html, Slots slots) {
			html.append("<p>").append(text(this.sentences, slots)).append("</p>");
		}

	}

	/** A paragraph set in italics, such as an interview's introduction. */
	record Note(Phrase sentence) implements Block {

		@Override
		public void write(StringBuilder html, Slots slots) {
			html.append("<p><em>").append(slots.sentence(this.sentence)).append("</em></p>");
		}

	}

	/** A sentence that introduces a bulleted list. */
	record Bullets(Phrase intro, List<Phrase> items) implements Block {

		@Override
		public void write(StringBuilder html, Slots slots) {
			html.append("<p>").append(slots.sentence(this.intro)).append("</p><ul>");
			for (Phrase item : this.items) {
				html.append("<li>").append(slots.sentence(item)).append("</li>");
			}
			html.append("</ul>");
		}

	}

	/** A question and its answer. */
	record Exchange(Phrase question, List<Phrase> answer) implements Block {

		@Override
		public void write(StringBuilder html, Slots slots) {
			html.append("<p><strong>")
				.append(QUESTION.in(slots.language()))
				.append(":</strong> ")
				.append(slots.sentence(this.question))
				.append("</p><p><strong>")
				.append(ANSWER.in(slots.language()))
				.append(":</strong> ")
				.append(text(this.answer, slots))
				.append("</p>");
		}

	}

	private static String text(List<Phrase> sentences, Slots slots) {
		StringBuilder text = new StringBuilder();
		for (Phrase sentence : sentences) {
			if (!text.isEmpty()) {
				text.append(' ');
			}
			text.append(slots.sentence(sentence));
		}
		return text.toString();
	}

}
