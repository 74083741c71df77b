using System.Buffers.Binary;
using System.IO.Compression;

namespace Almab.Reports.Tests.Figures;

/// <summary>
/// A minimal PNG decoder written from the PNG specification (8-bit RGB/RGBA, non-interlaced; the five
/// filter types), independent of cairo, so the tests can check what was actually written.
/// </summary>
internal sealed class PngImage
{
    private PngImage(int width, int height, byte[] rgba)
    {
        Width = width;
        Height = height;
        Rgba = rgba;
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>Row-major RGBA bytes.</summary>
    public byte[] Rgba { get; }

    public (byte R, byte G, byte B, byte A) Pixel(int x, int y)
    {
        int o = 4 * (y * Width + x);
        return (Rgba[o], Rgba[o + 1], Rgba[o + 2], Rgba[o + 3]);
    }

    /// <summary>Width and height from the IHDR chunk only.</summary>
    public static (int Width, int Height) ReadSize(string path)
    {
        byte[] b = File.ReadAllBytes(path);
        CheckSignature(b);
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(b, 12, 4));
        return (BinaryPrimitives.ReadInt32BigEndian(b.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(b.AsSpan(20)));
    }

    public static PngImage Read(string path)
    {
        byte[] b = File.ReadAllBytes(path);
        CheckSignature(b);
        int pos = 8, width = 0, height = 0, colorType = 0;
        using var idat = new MemoryStream();
        while (pos < b.Length)
        {
            int len = BinaryPrimitives.ReadInt32BigEndian(b.AsSpan(pos));
            string type = System.Text.Encoding.ASCII.GetString(b, pos + 4, 4);
            var data = b.AsSpan(pos + 8, len);
            if (type == "IHDR")
            {
                width = BinaryPrimitives.ReadInt32BigEndian(data);
                height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                Assert.Equal(8, data[8]);
                colorType = data[9];
                Assert.Equal(0, data[12]);
            }
            else if (type == "IDAT")
            {
                idat.Write(data);
            }

            pos += 12 + len;
        }

        int channels = colorType switch { 6 => 4, 2 => 3, _ => throw new InvalidDataException($"colour type {colorType}") };
        idat.Position = 0;
        using var z = new ZLibStream(idat, CompressionMode.Decompress);
        using var raw = new MemoryStream();
        z.CopyTo(raw);
        byte[] f = raw.ToArray();
        int stride = width * channels;
        Assert.Equal(height * (stride + 1), f.Length);
        var img = new byte[height * stride];
        for (int y = 0; y < height; y++)
        {
            int filter = f[y * (stride + 1)];
            for (int i = 0; i < stride; i++)
            {
                int x = f[y * (stride + 1) + 1 + i];
                int a = i >= channels ? img[y * stride + i - channels] : 0;
                int up = y > 0 ? img[(y - 1) * stride + i] : 0;
                int c = y > 0 && i >= channels ? img[(y - 1) * stride + i - channels] : 0;
                int v = filter switch
                {
                    0 => x,
                    1 => x + a,
                    2 => x + up,
                    3 => x + ((a + up) >> 1),
                    4 => x + Paeth(a, up, c),
                    _ => throw new InvalidDataException($"filter {filter}"),
                };
                img[y * stride + i] = (byte)v;
            }
        }

        var rgba = new byte[width * height * 4];
        for (int p = 0; p < width * height; p++)
        {
            rgba[4 * p] = img[p * channels];
            rgba[4 * p + 1] = img[p * channels + 1];
            rgba[4 * p + 2] = img[p * channels + 2];
            rgba[4 * p + 3] = channels == 4 ? img[p * channels + 3] : (byte)255;
        }

        return new PngImage(width, height, rgba);
    }

    /// <summary>Pixels in the rectangle that are not pure white.</summary>
    public int CountNonWhite(int x0, int y0, int x1, int y1)
    {
        int n = 0;
        for (int y = Math.Max(0, y0); y < Math.Min(Height, y1); y++)
        {
            for (int x = Math.Max(0, x0); x < Math.Min(Width, x1); x++)
            {
                var (r, g, bl, _) = Pixel(x, y);
                n += r == 255 && g == 255 && bl == 255 ? 0 : 1;
            }
        }

        return n;
    }

    /// <summary>Pixels that differ between two images of equal size inside a rectangle.</summary>
    public int CountDifferent(PngImage other, int x0, int y0, int x1, int y1)
    {
        int n = 0;
        for (int y = Math.Max(0, y0); y < Math.Min(Height, y1); y++)
        {
            for (int x = Math.Max(0, x0); x < Math.Min(Width, x1); x++)
            {
                n += Pixel(x, y) == other.Pixel(x, y) ? 0 : 1;
            }
        }

        return n;
    }

    private static void CheckSignature(byte[] b) =>
        Assert.True(b.AsSpan(0, 8).SequenceEqual(new byte[] { 137, 80, 78, 71, 13, 10, 26, 10 }), "not a PNG signature");

    private static int Paeth(int a, int b, int c)
    {
        int p = a + b - c, pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
