package org.bulkhead.bench.console;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;

/**
 * A guest showing a whole screen of text that scrolls one line per update, as a boot log or a
 * busy terminal does: every 16x16 tile changes every time. It is sent the way QEMU sends it to
 * this client, in hextile (vernacular offers hextile first, and QEMU takes the first encoding it
 * knows from the client's list): a tile of one colour is its colour, a tile of two colours a
 * background and rectangles of foreground, any other tile raw pixels. QEMU merges foreground
 * pixels into larger rectangles; this encoder sends one per horizontal run, a few more bytes
 * to decode, so it errs on the costly side. Text in 8x16 cells, 2 colours.
 */
final class ScrollingText implements ScriptedVncServer.Guest {

    private static final int TILE = 16;
    private static final int CELL_WIDTH = 8;
    private static final int CELL_HEIGHT = 16;
    private static final int BACKGROUND = 0xff101418;
    private static final int FOREGROUND = 0xffd0d0d0;
    private static final int FRAMES = 8;

    private final byte[][] messages = new byte[FRAMES][];
    private final int[][] screens = new int[FRAMES][];

    ScrollingText(int width, int height) {
        Random random = new Random(42);
        boolean[][] glyphs = new boolean[95][];
        for (int g = 0; g < glyphs.length; g++) {
            glyphs[g] = glyph(random);
        }
        int columns = width / CELL_WIDTH;
        int rows = height / CELL_HEIGHT;
        int[][] lines = new int[rows + FRAMES][];
        for (int l = 0; l < lines.length; l++) {
            int length = random.nextInt(columns / 4, columns);
            lines[l] = new int[length];
            for (int c = 0; c < length; c++) {
                lines[l][c] = random.nextInt(100) < 15 ? -1 : random.nextInt(glyphs.length); // -1: a space
            }
        }
        for (int f = 0; f < FRAMES; f++) {
            int[] screen = new int[width * height];
            java.util.Arrays.fill(screen, BACKGROUND);
            for (int row = 0; row < rows; row++) {
                int[] line = lines[f + row];
                for (int c = 0; c < line.length; c++) {
                    if (line[c] >= 0) {
                        draw(screen, width, glyphs[line[c]], c * CELL_WIDTH, row * CELL_HEIGHT);
                    }
                }
            }
            screens[f] = screen;
            messages[f] = hextile(screen, width, height);
        }
    }

    @Override
    public void writeUpdate(DataOutputStream out, int frame, int[] screen) throws IOException {
        out.write(messages[frame % FRAMES]);
        System.arraycopy(screens[frame % FRAMES], 0, screen, 0, screen.length);
    }

    /** How many bytes one update takes on the wire, for the record. */
    int bytesPerUpdate() {
        return messages[0].length;
    }

    /** A made-up letter: two to four strokes inside the cell's letter box. */
    private static boolean[] glyph(Random random) {
        boolean[] cell = new boolean[CELL_WIDTH * CELL_HEIGHT];
        int strokes = random.nextInt(2, 5);
        for (int s = 0; s < strokes; s++) {
            int x = random.nextInt(1, 7);
            int y = random.nextInt(3, 13);
            int dx = random.nextInt(-1, 2);
            int dy = dx == 0 ? 1 : random.nextInt(0, 2);
            for (int i = 0; i < 8 && x >= 1 && x < 7 && y >= 3 && y < 14; i++, x += dx, y += dy) {
                cell[y * CELL_WIDTH + x] = true;
            }
        }
        return cell;
    }

    private static void draw(int[] screen, int width, boolean[] glyph, int left, int top) {
        for (int y = 0; y < CELL_HEIGHT; y++) {
            for (int x = 0; x < CELL_WIDTH; x++) {
                if (glyph[y * CELL_WIDTH + x]) {
                    screen[(top + y) * width + left + x] = FOREGROUND;
                }
            }
        }
    }

    /** One FramebufferUpdate: the whole screen as one hextile rectangle. */
    private static byte[] hextile(int[] screen, int width, int height) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        try {
            out.writeByte(0);
            out.writeByte(0);
            out.writeShort(1);
            out.writeShort(0);
            out.writeShort(0);
            out.writeShort(width);
            out.writeShort(height);
            out.writeInt(5); // hextile
            Integer background = null;
            Integer foreground = null;
            for (int ty = 0; ty < height; ty += TILE) {
                for (int tx = 0; tx < width; tx += TILE) {
                    int w = Math.min(TILE, width - tx);
                    int h = Math.min(TILE, height - ty);
                    int first = screen[ty * width + tx];
                    Integer second = null;
                    int firstCount = 0;
                    boolean many = false;
                    for (int y = ty; y < ty + h && !many; y++) {
                        for (int x = tx; x < tx + w; x++) {
                            int c = screen[y * width + x];
                            if (c == first) {
                                firstCount++;
                            } else if (second == null || second == c) {
                                second = c;
                            } else {
                                many = true;
                                break;
                            }
                        }
                    }
                    if (!many && second == null) {
                        boolean specify = background == null || background != first;
                        out.writeByte(specify ? 0x02 : 0);
                        if (specify) {
                            pixel(out, first);
                        }
                        background = first;
                        continue;
                    }
                    if (!many) {
                        int bg = firstCount * 2 >= w * h ? first : second;
                        int fg = bg == first ? second : first;
                        ByteArrayOutputStream runs = new ByteArrayOutputStream();
                        int count = 0;
                        for (int y = 0; y < h; y++) {
                            for (int x = 0; x < w; ) {
                                if (screen[(ty + y) * width + tx + x] != fg) {
                                    x++;
                                    continue;
                                }
                                int run = 1;
                                while (x + run < w && screen[(ty + y) * width + tx + x + run] == fg) {
                                    run++;
                                }
                                runs.write(x << 4 | y);
                                runs.write((run - 1) << 4);
                                count++;
                                x += run;
                            }
                        }
                        boolean newBackground = background == null || background != bg;
                        boolean newForeground = foreground == null || foreground != fg;
                        int size = 2 + (newBackground ? 4 : 0) + (newForeground ? 4 : 0) + 2 * count;
                        if (count <= 255 && size < 1 + w * h * 4) {
                            out.writeByte(0x08 | (newBackground ? 0x02 : 0) | (newForeground ? 0x04 : 0));
                            if (newBackground) {
                                pixel(out, bg);
                            }
                            if (newForeground) {
                                pixel(out, fg);
                            }
                            out.writeByte(count);
                            runs.writeTo(out);
                            background = bg;
                            foreground = fg;
                            continue;
                        }
                    }
                    out.writeByte(0x01); // raw; the colours carried from tile to tile must be given again after it
                    for (int y = ty; y < ty + h; y++) {
                        for (int x = tx; x < tx + w; x++) {
                            pixel(out, screen[y * width + x]);
                        }
                    }
                    background = null;
                    foreground = null;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void pixel(DataOutputStream out, int argb) throws IOException {
        out.writeByte(argb);
        out.writeByte(argb >> 8);
        out.writeByte(argb >> 16);
        out.writeByte(0);
    }
}
