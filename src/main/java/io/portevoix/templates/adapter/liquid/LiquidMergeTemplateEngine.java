package io.portevoix.templates.adapter.liquid;

import io.portevoix.templates.MergeTagException;
import io.portevoix.templates.MergeTagProblem;
import io.portevoix.templates.application.port.MergeTemplateEngine;
import io.portevoix.templates.domain.MergeTags;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import liqp.RenderTransformer;
import liqp.Template;
import liqp.TemplateContext;
import liqp.TemplateParser;
import liqp.nodes.LNode;
import liqp.parser.v4.NodeVisitor;
import liqp.exceptions.LiquidException;
import liqp.org.antlr.v4.runtime.ParserRuleContext;
import liqp.org.antlr.v4.runtime.Token;
import liqp.org.antlr.v4.runtime.tree.ParseTree;
import liqp.parser.Flavor;
import liquid.parser.v4.LiquidParser;
import org.springframework.stereotype.Component;

@Component
final class LiquidMergeTemplateEngine implements MergeTemplateEngine {

    private static final int MAX_RENDERED = 2_000_000;

    private final TemplateParser parser = new TemplateParser.Builder()
            .withFlavor(Flavor.LIQUID)
            .withStrictVariables(false)
            .withErrorMode(TemplateParser.ErrorMode.STRICT)
            .withMaxIterations(10_000)
            .withMaxSizeRenderedString(MAX_RENDERED)
            .withRenderTransformer(new LocalizedNumbers())
            .withNameResolver(name -> {
                throw new IllegalArgumentException("Includes are not allowed in templates");
            })
            .build();

    @Override
    public Parsed parse(String field, String source) {
        Template template;
        try {
            template = parser.parse(source);
        } catch (LiquidException e) {
            throw new MergeTagException(List.of(new MergeTagProblem(MergeTagProblem.Kind.SYNTAX_ERROR, field, "",
                    e.line, e.charPositionInLine + 1, syntaxMessage(e))));
        } catch (RuntimeException e) {
            throw new MergeTagException(List.of(new MergeTagProblem(MergeTagProblem.Kind.SYNTAX_ERROR, field, "", 1, 1,
                    "Merge tags cannot be read: " + firstLine(e.getMessage()))));
        }
        List<MergeTags.Reference> references = new ArrayList<>();
        Set<String> locals = new HashSet<>();
        List<MergeTagProblem> forbidden = new ArrayList<>();
        walk(template.getParseTree(), new Positions(source), field, references, locals, forbidden);
        if (!forbidden.isEmpty()) {
            throw new MergeTagException(forbidden);
        }
        LNode root = new NodeVisitor(parser.insertions, parser.filters, parser.liquidStyleInclude)
                .visit(template.getParseTree());
        return new LiquidText(parser, root, List.copyOf(references), Set.copyOf(locals));
    }

    private static void walk(ParseTree tree, Positions positions, String field, List<MergeTags.Reference> references,
            Set<String> locals, List<MergeTagProblem> forbidden) {
        if (tree instanceof LiquidParser.Lookup_id_indexesContext lookup) {
            int[] at = positions.of(lookup.start);
            references.add(new MergeTags.Reference(dotted(lookup), at[0], at[1]));
        } else if (tree instanceof LiquidParser.Include_tagContext || tree instanceof LiquidParser.Include_relative_tagContext) {
            int[] at = positions.of(((ParserRuleContext) tree).start);
            forbidden.add(new MergeTagProblem(MergeTagProblem.Kind.FORBIDDEN_TAG, field, "include", at[0], at[1],
                    "Includes are not allowed in templates"));
        } else if (tree instanceof ParserRuleContext context && definesName(context)) {
            for (int i = 0; i < context.getChildCount(); i++) {
                if (context.getChild(i) instanceof LiquidParser.IdContext id) {
                    locals.add(id.getText());
                    break;
                }
            }
        }
        for (int i = 0; i < tree.getChildCount(); i++) {
            walk(tree.getChild(i), positions, field, references, locals, forbidden);
        }
    }

    /**
     * Line and column (from 1) of a token, computed from its offset in the source: liqp's lexer
     * modes leave {@code charPositionInLine} wrong inside tags, the offset is exact.
     */
    private record Positions(String source) {

        int[] of(Token token) {
            int offset = Math.clamp(token.getStartIndex(), 0, source.length());
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < offset; i++) {
                if (source.charAt(i) == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            return new int[] {line, offset - lineStart + 1};
        }
    }

    private static boolean definesName(ParserRuleContext context) {
        String type = context.getClass().getSimpleName();
        return type.startsWith("For_") || type.equals("AssignmentContext") || type.startsWith("Capture_tag")
                || type.startsWith("Table_tag");
    }

    /** {@code contact.subscription.endDate}; a bracketed index ({@code attributes["x y"]}) counts as a dotted key. */
    private static String dotted(LiquidParser.Lookup_id_indexesContext lookup) {
        StringBuilder name = new StringBuilder(lookup.id().getText());
        for (LiquidParser.IndexContext index : lookup.index()) {
            if (index.id2() != null) {
                name.append('.').append(index.id2().getText());
            } else {
                String key = index.expr().getText();
                if (key.length() >= 2 && (key.startsWith("\"") || key.startsWith("'"))) {
                    key = key.substring(1, key.length() - 1);
                }
                name.append('.').append(key);
            }
        }
        return name.toString();
    }

    private static String syntaxMessage(LiquidException e) {
        String message = e.getMessage() == null ? "" : e.getMessage().strip();
        String[] lines = message.split("\\R");
        String last = lines[lines.length - 1].strip();
        return "Merge tag syntax error" + (last.isEmpty() ? "" : ": " + last);
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.strip().split("\\R", 2)[0];
    }

    /**
     * liqp's {@code Template.render} keeps the render's context in a field of the shared template,
     * so two threads rendering one template at once could read each other's values. The node tree is
     * immutable, so it is built once here and each render gets its own context: thread-safe, and
     * the parse tree is not visited again for every recipient.
     */
    private record LiquidText(TemplateParser parser, LNode root, List<MergeTags.Reference> references,
            Set<String> localNames) implements Parsed {

        @Override
        public String render(Map<String, Object> values) {
            TemplateContext context = new TemplateContext(parser, values);
            Object rendered = root.render(context);
            return String.valueOf(parser.getRenderTransformer().transformObject(context, rendered));
        }
    }

    /**
     * Writes rendered pieces like liqp's default, except whole numbers, which print in the locale
     * the values carry under {@link MergeTemplateEngine#LOCALE} ("1 234 visites", with a plain space);
     * comparisons and filters still see the numbers themselves.
     */
    private static final class LocalizedNumbers implements RenderTransformer {

        @Override
        public RenderTransformer.ObjectAppender.Controller newObjectAppender(TemplateContext context, int estimate) {
            Object carried = context.get(LOCALE);
            java.util.Locale locale = carried instanceof java.util.Locale given ? given : null;
            StringBuilder out = new StringBuilder();
            return new RenderTransformer.ObjectAppender.Controller() {
                @Override
                public void append(Object piece) {
                    if (locale != null && (piece instanceof Long || piece instanceof Integer)) {
                        // French groups digits with a narrow no-break space, outside GSM 03.38: an SMS would switch to UCS-2.
                        out.append(java.text.NumberFormat.getIntegerInstance(locale).format(piece).replace('\u202f', ' ')
                                .replace('\u00a0', ' '));
                    } else {
                        out.append(piece);
                    }
                    if (out.length() > MAX_RENDERED) {
                        throw new IllegalStateException("The rendered text exceeds " + MAX_RENDERED + " characters");
                    }
                }

                @Override
                public Object getResult() {
                    return out.toString();
                }
            };
        }

        @Override
        public Object transformObject(TemplateContext context, Object object) {
            return String.valueOf(object);
        }
    }
}
