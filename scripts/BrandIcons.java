import java.awt.*;
import java.awt.geom.*;
import java.awt.image.BufferedImage;
import javax.imageio.ImageIO;
import java.io.*;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.*;

/** Draws komek's built-in icons (src/main/resources/brand): java scripts/BrandIcons.java src/main/resources/brand */
public class BrandIcons {
    static BufferedImage draw(int size, boolean fullBleed) {
        var img = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        var g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        double k = size / 28.0;
        g.setColor(new Color(0x0b6e69));
        if (fullBleed) g.fillRect(0, 0, size, size); else g.fill(new Ellipse2D.Double(1 * k, 1 * k, 26 * k, 26 * k));
        g.setColor(Color.WHITE);
        g.setStroke(new BasicStroke((float) (2.6 * k), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        var p = new Path2D.Double();
        p.moveTo(8.5 * k, 14.5 * k); p.lineTo(12.1 * k, 18.1 * k); p.lineTo(19.5 * k, 10.1 * k);
        g.draw(p);
        g.dispose();
        return img;
    }
    static byte[] png(BufferedImage img) throws IOException {
        var out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }
    public static void main(String[] a) throws Exception {
        Path dir = Path.of(a[0]);
        Files.write(dir.resolve("apple-touch-icon.png"), png(draw(180, true)));
        // an ICO holding PNG images (valid since Windows Vista, read by every current browser)
        int[] sizes = {16, 32, 48};
        byte[][] pngs = new byte[sizes.length][];
        for (int i = 0; i < sizes.length; i++) pngs[i] = png(draw(sizes[i], false));
        int header = 6 + 16 * sizes.length;
        int total = header; for (byte[] b : pngs) total += b.length;
        var buf = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
        buf.putShort((short) 0).putShort((short) 1).putShort((short) sizes.length);
        int offset = header;
        for (int i = 0; i < sizes.length; i++) {
            buf.put((byte) sizes[i]).put((byte) sizes[i]).put((byte) 0).put((byte) 0);
            buf.putShort((short) 1).putShort((short) 32).putInt(pngs[i].length).putInt(offset);
            offset += pngs[i].length;
        }
        for (byte[] b : pngs) buf.put(b);
        Files.write(dir.resolve("favicon.ico"), buf.array());
    }
}
