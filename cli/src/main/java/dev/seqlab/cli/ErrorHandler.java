package dev.seqlab.cli;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IExitCodeExceptionMapper;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * The error conventions of DESIGN.md: one or two lines on stderr naming the problem, exit 2 for
 * bad usage or bad input (wrong options, missing or malformed files, invalid values), exit 1 for
 * failures while working; a stack trace only with {@code --verbose}.
 */
final class ErrorHandler implements IParameterExceptionHandler, IExecutionExceptionHandler, IExitCodeExceptionMapper {

    /** Exit status for bad usage or bad input. */
    static final int BAD_INPUT = 2;
    /** Exit status for a failure while working. */
    static final int FAILURE = 1;

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cl = ex.getCommandLine();
        PrintWriter err = cl.getErr();
        err.println("seqlab: " + ex.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
        err.println("Try '" + cl.getCommandSpec().qualifiedName() + " --help'.");
        err.flush();
        return BAD_INPUT;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, ParseResult parsed) {
        PrintWriter err = cl.getErr();
        Throwable cause = unwrap(ex);
        boolean input = isBadInput(cause);
        err.println("seqlab: " + (input ? "" : "error: ") + describe(cause));
        if (Verbosity.isVerbose()) {
            cause.printStackTrace(err);
        } else if (!input) {
            err.println("Run again with --verbose for details.");
        }
        err.flush();
        return input ? BAD_INPUT : FAILURE;
    }

    @Override
    public int getExitCode(Throwable ex) {
        return isBadInput(unwrap(ex)) ? BAD_INPUT : FAILURE;
    }

    private static Throwable unwrap(Throwable t) {
        Throwable c = t;
        while ((c instanceof UncheckedIOException || c instanceof CommandLine.ExecutionException)
                && c.getCause() != null) {
            c = c.getCause();
        }
        return c;
    }

    /** Bad input is the user's to fix: invalid arguments or files that are missing or unreadable. */
    static boolean isBadInput(Throwable t) {
        return t instanceof IllegalArgumentException || t instanceof IOException || t instanceof ParameterException;
    }

    /** A one-line description; the JDK's terse file exceptions get their missing words. */
    static String describe(Throwable t) {
        if (t instanceof NoSuchFileException e) {
            return "no such file: " + e.getFile();
        }
        if (t instanceof AccessDeniedException e) {
            return "permission denied: " + e.getFile();
        }
        if (t instanceof FileAlreadyExistsException e) {
            return "file already exists: " + e.getFile();
        }
        if (t instanceof NotDirectoryException e) {
            return "not a directory: " + e.getFile();
        }
        if (t instanceof FileNotFoundException e) {
            return "cannot open " + e.getMessage();
        }
        String msg = t.getMessage();
        if (msg == null || msg.isBlank()) {
            return t.getClass().getSimpleName();
        }
        return msg.lines()
                .limit(2)
                .reduce((a, b) -> a + System.lineSeparator() + b)
                .orElse(msg);
    }
}
