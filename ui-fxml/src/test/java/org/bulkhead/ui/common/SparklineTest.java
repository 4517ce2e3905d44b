package org.bulkhead.ui.common;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;

import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A statistics tick redraws each visible sparkline; in a table, a layout request from a cell
 * re-lays out and re-styles the whole row, so a new sample must be drawn without one.
 */
@ExtendWith(ApplicationExtension.class)
class SparklineTest {

    private final Sparkline sparkline = new Sparkline();
    private final StackPane cell = new StackPane(sparkline);
    private final VBox table = new VBox(cell);

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(table, 300, 40));
        stage.show();
    }

    /** The pixels the sparkline shows now. */
    private int[] pixels() {
        WritableImage image = sparkline.snapshot(null, null);
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        int[] argb = new int[w * h];
        image.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        return argb;
    }

    @Test
    void aNewSampleRepaintsTheLineAndItsNumberWithoutAskingTheTableForALayout(FxRobot robot) {
        robot.interact(() -> sparkline.setSeries(new UsageSeries(new double[] {0.1, 0.2}, "20 %")));
        robot.interact(() -> {
            table.layout();
            int[] before = pixels();
            var bounds = sparkline.getBoundsInParent();

            sparkline.setSeries(new UsageSeries(new double[] {0.1, 0.2, 0.9}, "100 %"));

            assertFalse(table.isNeedsLayout(), "the sample asked the parents for a layout");
            assertFalse(cell.isNeedsLayout(), "the sample asked its cell for a layout");
            // A row whose bounds change makes the table lay out and re-style every row on screen.
            assertEquals(bounds, sparkline.getBoundsInParent(), "the sample changed the bounds the row sees");
            assertEquals("100 %", sparkline.valueText());
            assertEquals("100 %", sparkline.getAccessibleText(), "a screen reader reads the value");
            assertFalse(Arrays.equals(before, pixels()), "the new sample was not painted");
        });
    }

    @Test
    void anEmptySeriesPaintsNothing(FxRobot robot) {
        robot.interact(() -> {
            table.layout();
            int[] blank = pixels();
            sparkline.setSeries(new UsageSeries(new double[] {0.5}, "512 MiB"));
            assertFalse(Arrays.equals(blank, pixels()), "a sample paints a line and its value");
            sparkline.setSeries(UsageSeries.EMPTY);
            assertArrayEquals(blank, pixels());
            assertEquals("", sparkline.valueText());
        });
    }
}
