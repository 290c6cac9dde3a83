package dev.seqlab.core.plot;

import dev.seqlab.core.io.AtomicFiles;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Writes pictures as PNG files, atomically (a temporary file renamed into place). */
public final class PngFiles {

    private PngFiles() {}

    /**
     * Writes {@code image} to {@code png}.
     *
     * @throws IOException if the file cannot be written or this JVM has no PNG writer
     */
    public static void write(Path png, BufferedImage image) throws IOException {
        AtomicFiles.write(png, out -> {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("no PNG writer in this JVM");
            }
        });
    }
}
