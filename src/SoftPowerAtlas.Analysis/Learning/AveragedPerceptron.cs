using System.Globalization;
using System.Text;

namespace SoftPowerAtlas.Analysis.Learning;

/// <summary>
/// A multiclass linear model over string features, trained by the averaged perceptron (each weight
/// is the mean of its values over every training step, which keeps a model trained on a few hundred
/// examples from following the last ones it saw). Immutable once built: <see cref="Train"/> and
/// <see cref="Read"/> return a model that is safe to share across threads.
/// </summary>
public sealed class AveragedPerceptron
{
    private readonly string[] _classes;
    private readonly Dictionary<string, float[]> _weights;

    private AveragedPerceptron(string[] classes, Dictionary<string, float[]> weights)
    {
        _classes = classes;
        _weights = weights;
    }

    /// <summary>The labels the model chooses between, in a fixed order.</summary>
    public IReadOnlyList<string> Classes => _classes;

    /// <summary>Number of features with a weight.</summary>
    public int FeatureCount => _weights.Count;

    /// <summary>Score of every class for a set of features (unknown features are ignored).</summary>
    public float[] Scores(IEnumerable<string> features)
    {
        var scores = new float[_classes.Length];
        foreach (var f in features)
        {
            if (_weights.TryGetValue(f, out var w))
            {
                for (var c = 0; c < scores.Length; c++)
                {
                    scores[c] += w[c];
                }
            }
        }

        return scores;
    }

    /// <summary>The best class and its margin over the runner-up (ties go to the earlier class).</summary>
    public (string Label, float Margin) Predict(IEnumerable<string> features)
    {
        var scores = Scores(features);
        var best = 0;
        for (var c = 1; c < scores.Length; c++)
        {
            if (scores[c] > scores[best])
            {
                best = c;
            }
        }

        var second = float.NegativeInfinity;
        for (var c = 0; c < scores.Length; c++)
        {
            if (c != best && scores[c] > second)
            {
                second = scores[c];
            }
        }

        return (_classes[best], scores.Length == 1 ? 0 : scores[best] - second);
    }

    /// <summary>
    /// Trains on labelled examples for <paramref name="epochs"/> passes, in an order shuffled by
    /// <paramref name="seed"/> each pass, so the same examples always give the same model.
    /// </summary>
    public static AveragedPerceptron Train(IReadOnlyList<(IReadOnlyList<string> Features, string Label)> examples, IReadOnlyList<string> classes, int epochs = 10, int seed = 17)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(classes.Count, 1);
        var classIndex = classes.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i, StringComparer.Ordinal);
        var n = classes.Count;
        var weights = new Dictionary<string, float[]>(StringComparer.Ordinal);
        var totals = new Dictionary<string, double[]>(StringComparer.Ordinal);
        var stamps = new Dictionary<string, int[]>(StringComparer.Ordinal);
        var step = 0;
        var order = Enumerable.Range(0, examples.Count).ToArray();
        var random = new Random(seed);

        void Update(string feature, int cls, float delta)
        {
            if (!weights.TryGetValue(feature, out var w))
            {
                w = new float[n];
                weights[feature] = w;
                totals[feature] = new double[n];
                stamps[feature] = new int[n];
            }

            var total = totals[feature];
            var stamp = stamps[feature];
            total[cls] += (step - stamp[cls]) * (double)w[cls];
            stamp[cls] = step;
            w[cls] += delta;
        }

        for (var epoch = 0; epoch < epochs; epoch++)
        {
            random.Shuffle(order);
            foreach (var i in order)
            {
                var (features, label) = examples[i];
                if (!classIndex.TryGetValue(label, out var truth))
                {
                    throw new ArgumentException($"label '{label}' is not one of the classes", nameof(examples));
                }

                var scores = new float[n];
                foreach (var f in features)
                {
                    if (weights.TryGetValue(f, out var w))
                    {
                        for (var c = 0; c < n; c++)
                        {
                            scores[c] += w[c];
                        }
                    }
                }

                var guess = 0;
                for (var c = 1; c < n; c++)
                {
                    if (scores[c] > scores[guess])
                    {
                        guess = c;
                    }
                }

                step++;
                if (guess != truth)
                {
                    foreach (var f in features)
                    {
                        Update(f, truth, 1f);
                        Update(f, guess, -1f);
                    }
                }
            }
        }

        var averaged = new Dictionary<string, float[]>(StringComparer.Ordinal);
        foreach (var (feature, w) in weights)
        {
            var total = totals[feature];
            var stamp = stamps[feature];
            var avg = new float[n];
            var any = false;
            for (var c = 0; c < n; c++)
            {
                var sum = total[c] + (step - stamp[c]) * (double)w[c];
                avg[c] = (float)Math.Round(sum / Math.Max(1, step), 4);
                any |= avg[c] != 0;
            }

            if (any)
            {
                averaged[feature] = avg;
            }
        }

        return new AveragedPerceptron([.. classes], averaged);
    }

    /// <summary>
    /// Writes the model as text: a header line with the classes, then one line per feature with its
    /// weights, features in ordinal order (so a retrained model diffs line by line).
    /// </summary>
    public void Write(TextWriter writer)
    {
        writer.Write("feature");
        foreach (var c in _classes)
        {
            writer.Write('\t');
            writer.Write(c);
        }

        writer.Write('\n');
        foreach (var feature in _weights.Keys.Order(StringComparer.Ordinal))
        {
            writer.Write(feature);
            foreach (var w in _weights[feature])
            {
                writer.Write('\t');
                writer.Write(w.ToString("0.####", CultureInfo.InvariantCulture));
            }

            writer.Write('\n');
        }
    }

    /// <summary>Reads what <see cref="Write"/> wrote; a malformed line is an error naming its number.</summary>
    public static AveragedPerceptron Read(TextReader reader, string sourceName)
    {
        var header = reader.ReadLine() ?? throw new FormatException($"{sourceName}: empty model file");
        var columns = header.Split('\t');
        if (columns.Length < 2 || columns[0] != "feature")
        {
            throw new FormatException($"{sourceName}: line 1 is not a model header ('feature', then the classes)");
        }

        var classes = columns[1..];
        var weights = new Dictionary<string, float[]>(StringComparer.Ordinal);
        var number = 1;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (line.Length == 0)
            {
                continue;
            }

            var parts = line.Split('\t');
            if (parts.Length != classes.Length + 1)
            {
                throw new FormatException($"{sourceName}: line {number} has {parts.Length - 1} weights, not {classes.Length}");
            }

            var w = new float[classes.Length];
            for (var c = 0; c < w.Length; c++)
            {
                if (!float.TryParse(parts[c + 1], NumberStyles.Float, CultureInfo.InvariantCulture, out w[c]))
                {
                    throw new FormatException($"{sourceName}: line {number} has a weight that is not a number ('{parts[c + 1]}')");
                }
            }

            weights[parts[0]] = w;
        }

        return new AveragedPerceptron(classes, weights);
    }

    /// <summary>The model as the text <see cref="Write"/> produces.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder();
        using (var w = new StringWriter(sb, CultureInfo.InvariantCulture))
        {
            Write(w);
        }

        return sb.ToString();
    }
}
