package io.portevoix.templates;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Merge tags that cannot be rendered, found when a template is saved (never at send time). The
 * REST API answers it with 422 and a message naming each tag and its position.
 */
public final class MergeTagException extends IllegalArgumentException {

    private final List<MergeTagProblem> problems;

    public MergeTagException(List<MergeTagProblem> problems) {
        super(problems.stream().map(p -> p.field() + ": " + p.message() + " (line " + p.line() + ", column " + p.column() + ")")
                .collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<MergeTagProblem> problems() {
        return problems;
    }
}
