package dev.seqlab.cli.progress;

import dev.seqlab.core.progress.ProgressListener;
import java.time.temporal.ChronoUnit;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** A live progress bar on the terminal (me.tongfei:progressbar) with rate and ETA. */
final class BarProgress implements ProgressListener {
    private volatile ProgressBar bar;

    @Override
    public synchronized void start(String task, long total, String unit) {
        finish();
        bar = new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(total)
                .setUnit(" " + unit, 1)
                .showSpeed()
                .setSpeedUnit(ChronoUnit.SECONDS)
                .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK)
                .setUpdateIntervalMillis(200)
                .setConsumer(new ConsoleProgressBarConsumer(System.err))
                .build();
    }

    @Override
    public void advance(long amount) {
        ProgressBar b = bar;
        if (b != null) {
            b.stepBy(amount);
        }
    }

    @Override
    public void status(String text) {
        ProgressBar b = bar;
        if (b != null) {
            b.setExtraMessage(" " + text);
        }
    }

    @Override
    public synchronized void finish() {
        if (bar != null) {
            if (bar.getMax() > 0) {
                bar.stepTo(bar.getMax());
            }
            bar.close();
            bar = null;
        }
    }
}
