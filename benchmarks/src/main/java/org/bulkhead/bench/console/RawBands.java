package org.bulkhead.bench.console;

import java.io.DataOutputStream;
import java.io.IOException;

/**
 * A guest whose every update is one band of {@code bandHeight} rows in raw encoding, each pixel
 * new (a gradient that differs per frame), the band moving down the screen with each update.
 * A full-height band repaints the whole screen every time: the worst case for the client, a
 * video at full speed sent without compression.
 */
final class RawBands implements ScriptedVncServer.Guest {

    private final int width;
    private final int height;
    private final int bandHeight;
    private final byte[][] bands = new byte[8][];
    private final int[][] colours = new int[8][];

    RawBands(int width, int height, int bandHeight) {
        this.width = width;
        this.height = height;
        this.bandHeight = bandHeight;
        for (int i = 0; i < bands.length; i++) {
            byte[] pixels = new byte[width * bandHeight * 4];
            int[] argb = new int[width * bandHeight];
            for (int y = 0; y < bandHeight; y++) {
                for (int x = 0; x < width; x++) {
                    int colour = ((x + i * 37) & 0xff) << 16 | ((y * 3 + i * 11) & 0xff) << 8 | (i * 29 & 0xff);
                    int at = y * width + x;
                    argb[at] = 0xff000000 | colour;
                    pixels[at * 4] = (byte) colour;
                    pixels[at * 4 + 1] = (byte) (colour >> 8);
                    pixels[at * 4 + 2] = (byte) (colour >> 16);
                }
            }
            bands[i] = pixels;
            colours[i] = argb;
        }
    }

    @Override
    public void writeUpdate(DataOutputStream out, int frame, int[] screen) throws IOException {
        int y = (frame * bandHeight / 2) % (height - bandHeight + 1);
        out.writeByte(0);
        out.writeByte(0);
        out.writeShort(1);
        out.writeShort(0);
        out.writeShort(y);
        out.writeShort(width);
        out.writeShort(bandHeight);
        out.writeInt(0); // raw
        out.write(bands[frame % bands.length]);
        System.arraycopy(colours[frame % colours.length], 0, screen, y * width, width * bandHeight);
    }
}
