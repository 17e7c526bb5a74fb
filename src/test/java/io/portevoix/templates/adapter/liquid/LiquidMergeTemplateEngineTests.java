package io.portevoix.templates.adapter.liquid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portevoix.templates.MergeTagException;
import io.portevoix.templates.MergeTagProblem;
import io.portevoix.templates.application.port.MergeTemplateEngine;
import io.portevoix.templates.domain.MergeTags;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LiquidMergeTemplateEngineTests {

    private final LiquidMergeTemplateEngine engine = new LiquidMergeTemplateEngine();

    @Test
    void findsEveryVariableWithItsLineAndColumn() {
        MergeTemplateEngine.Parsed parsed = engine.parse("html", "Bonjour {{ contact.firstName }},\n"
                + "{% if contact.status == \"CLIENT\" %}fin le {{ contact.subscription.endDate }}{% endif %}");
        assertThat(parsed.references()).containsExactly(
                new MergeTags.Reference("contact.firstName", 1, 12),
                new MergeTags.Reference("contact.status", 2, 7),
                new MergeTags.Reference("contact.subscription.endDate", 2, 46));
    }

    @Test
    void unknownTagIsNamedWithItsPosition() {
        MergeTemplateEngine.Parsed parsed = engine.parse("subject", "Salut {{ contact.prenom }} !");
        List<MergeTagProblem> problems = MergeTags.check("subject", parsed.references(), parsed.localNames());
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(MergeTagProblem.Kind.UNKNOWN_TAG);
            assertThat(p.tag()).isEqualTo("contact.prenom");
            assertThat(p.line()).isEqualTo(1);
            assertThat(p.column()).isEqualTo(10);
            assertThat(p.message()).contains("{{ contact.prenom }}");
        });
    }

    @Test
    void knownTagsAttributesAndLoopVariablesPass() {
        MergeTemplateEngine.Parsed parsed = engine.parse("html", "{{ contact.attributes.taille_tshirt }} "
                + "{% assign nom = contact.lastName | upcase %}{{ nom }} {{ account.social.instagram }} {{ unsubscribeUrl }}"
                + "{% for i in (1..2) %}{{ forloop.index }}{{ i }}{% endfor %}");
        assertThat(MergeTags.check("html", parsed.references(), parsed.localNames())).isEmpty();
    }

    @Test
    void syntaxErrorIsReportedWithItsPosition() {
        assertThatThrownBy(() -> engine.parse("html", "ligne 1\nBonjour {% if contact.firstName %} sans fin"))
                .isInstanceOfSatisfying(MergeTagException.class, e -> {
                    MergeTagProblem problem = e.problems().getFirst();
                    assertThat(problem.kind()).isEqualTo(MergeTagProblem.Kind.SYNTAX_ERROR);
                    assertThat(problem.field()).isEqualTo("html");
                    assertThat(problem.line()).isPositive();
                });
        assertThatThrownBy(() -> engine.parse("subject", "Bonjour {{ contact.firstName "))
                .isInstanceOf(MergeTagException.class);
    }

    @Test
    void includesCannotReadTheServersFiles() {
        assertThatThrownBy(() -> engine.parse("html", "x {% include '/etc/passwd' %}"))
                .isInstanceOfSatisfying(MergeTagException.class,
                        e -> assertThat(e.problems().getFirst().kind()).isEqualTo(MergeTagProblem.Kind.FORBIDDEN_TAG));
    }

    @Test
    void defaultsApplyToMissingAndEmptyValuesAndConditionsCompareEnums() {
        MergeTemplateEngine.Parsed parsed = engine.parse("text",
                "Bonjour {{ contact.firstName | default: \"adhérent\" }}{% if contact.status == \"CLIENT\" %}, merci{% endif %}");
        assertThat(parsed.render(Map.of("contact", Map.of("status", "CLIENT")))).isEqualTo("Bonjour adhérent, merci");
        assertThat(parsed.render(Map.of("contact", Map.of("firstName", "", "status", "PROSPECT")))).isEqualTo("Bonjour adhérent");
        assertThat(parsed.render(Map.of("contact", Map.of("firstName", "Léa", "status", "CLIENT")))).isEqualTo("Bonjour Léa, merci");
    }

    @Test
    void oneParsedTextRendersEachThreadsOwnValues() throws Exception {
        MergeTemplateEngine.Parsed parsed = engine.parse("html",
                "<p>{{ contact.firstName }}</p>".repeat(20) + "{% if contact.visitCount > 10 %}fidèle{% endif %}");
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<Boolean>> results = IntStream.range(0, 4_000).mapToObj(i -> pool.submit(() -> {
                String name = "membre" + i;
                String out = parsed.render(Map.of("contact", Map.of("firstName", name, "visitCount", (long) i)));
                return out.equals(("<p>" + name + "</p>").repeat(20) + (i > 10 ? "fidèle" : ""));
            })).toList();
            for (Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        }
    }
}
