package org.agora.panels;

import java.util.List;
import java.util.stream.Collectors;

/** A quota or pool file cannot be used; carries every problem found, each with its line. */
public class PanelFileException extends RuntimeException {

    private final List<FileProblem> problems;

    public PanelFileException(List<FileProblem> problems) {
        super(problems.stream().map(FileProblem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<FileProblem> problems() {
        return problems;
    }
}
