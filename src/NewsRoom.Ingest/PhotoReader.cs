using System.Text;

namespace NewsRoom.Ingest;

/// <summary>Stage 4b: photo credits and captions, and the photo news they make or the story they belong to.</summary>
internal sealed class PhotoReader(PageState state)
{
    private readonly PageState _state = state;

    /// <summary>Photo news carries a title of a few words (春回草原, 人勤春早备耕忙); a longer one over a paragraph and
    /// a captioned photo is a short story with its picture.</summary>
    internal const int PhotoNewsTitleAtMost = 10;

    internal void ReadPhotoCredit(int i, PageLine line, string captionLine, List<ParsedByline> credits)
    {
        var photo = new PhotoDraft { Line = line.Number };
        photo.Credits.AddRange(credits);
        var spliced = false;
        var standsAlone = false;
        var cur = _state.Current;
        if (captionLine.Length > 0)
        {
            // The credit stays in the caption as printed; the names also become credits.
            var captionText = Credits.ReadPhotoCredit(captionLine)!.Value.Caption;
            photo.PrintedCredit = captionLine[captionText.Length..].Trim();
            captionLine = captionText;
            if (cur is { Kind: ArticleKind.Article, Headline: not null, Bylines.Count: 0, Dateline: null, Photos.Count: 0 } && cur.TextCount == 0 && line.GapBefore <= 1)
            {
                photo.Columns.Add(captionLine);
                MakePhotoNews(cur, photo);
                return;
            }
            if (cur is { Kind: ArticleKind.Article, Headline: not null, Bylines.Count: 0, Dateline: null, Photos.Count: 0, Closed: false }
                && cur.TextCount is >= 1 and <= 2 && cur.Body.Count == cur.TextCount && cur.Body.All(p => p is { Kind: ParaKind.Text, Credited: false } && TextRules.EndsSentence(p.Text))
                && TextRules.CountNonSpace(cur.Headline) <= PhotoNewsTitleAtMost
                && line.GapBefore <= 1 && _state.Next(i) is not { Kind: LineKind.Text, GapBefore: <= 1 })
            {
                // Photo news: a short title, the words about the picture, then the caption with its credit, and no byline
                // or dateline of a story anywhere: all of it is the photo's caption.
                photo.Columns.AddRange(cur.Body.Select(p => p.Text));
                photo.Columns.Add(captionLine);
                cur.Body.Clear();
                MakePhotoNews(cur, photo);
                return;
            }
            if (cur is { Kind: ArticleKind.Article, Closed: false } && cur.TextCount > 0 && cur.Body[^1] is { Kind: ParaKind.Text } open && !TextRules.EndsSentence(open.Text))
            {
                // A captioned photo set into the middle of a sentence: the story's own photo, and the sentence goes on.
                photo.Columns.Add(captionLine);
                cur.Photos.Add(photo);
                cur.AddBylines(credits);
                return;
            }
            if (cur is { Kind: ArticleKind.Article, Closed: false } && cur.TextCount > 0 && credits.Exists(c => cur.Bylines.Exists(b => b.Name == c.Name)))
            {
                // The story's own reporter took the photo: it is that story's picture, not an item of its own.
                photo.Columns.Add(captionLine);
                cur.Photos.Add(photo);
                return;
            }
            var untitledText = false;
            if (cur is { Closed: true } && cur.Body.Count - cur.ClosedAt is >= 1 and <= 3 && cur.Body.Skip(cur.ClosedAt).All(p => p.Kind == ParaKind.Text)
                && !CaptionCutsSentence(cur, i))
            {
                // The story ended with its credit: the paragraphs after it are this photo's, an untitled photo item.
                var all = cur.Body.Skip(cur.ClosedAt).Select(p => p.Text).Append(captionLine).ToList();
                cur.Body.RemoveRange(cur.ClosedAt, cur.Body.Count - cur.ClosedAt);
                SetCaption(photo, all);
                untitledText = true;
            }
            else if (cur is null && _state.Pending.Count > 0)
            {
                // Text with no story above it, then "图为…(X 摄)": one untitled photo item, its words and caption.
                var all = _state.Pending.Select(p => p.Text).Append(captionLine).ToList();
                _state.Pending.Clear();
                SetCaption(photo, all);
                untitledText = true;
            }
            else
            {
                photo.Columns.Add(captionLine);
            }
            standsAlone = untitledText;
        }
        else
        {
            if (cur is { Kind: ArticleKind.Article, Headline: not null, Bylines.Count: 0, Dateline: null, Photos.Count: 0 }
                && cur.TextCount is >= 1 and <= 3 && cur.Body.All(p => p.Kind == ParaKind.Text) && !CaptionCutsSentence(cur, i))
            {
                SetCaption(photo, cur.Body.Select(p => p.Text).ToList());
                cur.Body.Clear();
                cur.AsPrinted.Add(line.Text);
                MakePhotoNews(cur, photo);
                return;
            }
            var captionLines = new List<string>();
            if (cur is not null)
            {
                var k = cur.Body.Count;
                if (cur.Closed && cur.Body.Count - cur.ClosedAt is >= 1 and <= 3 && cur.Body.Skip(cur.ClosedAt).All(p => p.Kind == ParaKind.Text))
                {
                    // The story ended with its credit: the text after it, however long, can only be this photo's caption.
                    k = cur.ClosedAt;
                }
                var keep = StoryKeeps(cur);
                while (k > keep && k > Math.Max(cur.ClosedAt, 0) && cur.Body[k - 1] is { Kind: ParaKind.Text, Credited: false } p && TextRules.CountNonSpace(p.Text) <= 40
                    && !(p.TitleLike && k - 2 >= 0 && TextRules.EndsSentence(cur.Body[k - 2].Text)))
                {
                    k--;
                }
                if (cur.Body.Count - k >= 3)
                {
                    // Caption lines share their column's width; a first line of another width is the end of
                    // the story's sentence the caption cut into.
                    var widths = cur.Body.GetRange(k, cur.Body.Count - k - 1).Select(p => TextRules.CountNonSpace(p.Text)).ToList();
                    if (widths.Count >= 2 && widths.Skip(1).All(w => Math.Abs(w - widths[0]) > 2 && Math.Abs(w - widths[1]) <= 2))
                    {
                        k++;
                    }
                }
                if (k == cur.Body.Count && cur.Body.Count > cur.OwnStart && cur.Body.Count >= 2 && cur.Body[^1] is { Kind: ParaKind.Text, Credited: false }
                    && line.GapBefore <= 1 && cur.Body[^2] is { Kind: ParaKind.Text } before && (before.TitleLike || !TextRules.EndsSentence(before.Text)))
                {
                    // One long caption above its credit, cutting into a sentence of the story or under its title.
                    k = cur.Body.Count - 1;
                }
                captionLines.AddRange(cur.Body.Skip(k).Select(p => p.Text));
                cur.Body.RemoveRange(k, cur.Body.Count - k);
                spliced = captionLines.Count > 0;
                if (spliced && k - 1 >= cur.OwnStart && k - 1 >= 1 && cur.Body[k - 1] is { TitleLike: true } title
                    && TextRules.EndsSentence(cur.Body[k - 2].Text))
                {
                    // The photo's title, printed between the story above and the caption.
                    photo.Title = title.Text;
                    cur.Body.RemoveAt(k - 1);
                    spliced = false;
                }
            }
            else
            {
                captionLines.AddRange(_state.Pending.Select(p => p.Text));
                // Paragraphs of their own above a credit are a photo's story, not a caption for the headline below.
                standsAlone = _state.Pending.Count >= 2;
                _state.Pending.Clear();
            }
            if (captionLines.Count == 0)
            {
                if (cur is null)
                {
                    _state.Unplace(line.Number, line.Text, "摄影署名没有图片说明");
                }
                else
                {
                    cur.AddBylines(credits);
                    cur.AsPrinted.Add(line.Text);
                }
                return;
            }
            SetCaption(photo, captionLines);
        }
        var nextIndex = _state.NextIndex(i);
        if (!standsAlone && nextIndex >= 0 && _state.Lines[nextIndex].Kind == LineKind.Title && !_state.StackHasOwnCredit(nextIndex))
        {
            // A photo printed above the headline of the story it illustrates.
            _state.PendingPhoto = photo;
            _state.PendingPhotoPrinted = line.Text;
            return;
        }
        var item = new Draft(ArticleKind.Photo, photo.Line) { Headline = photo.Title };
        item.Photos.Add(photo);
        item.AddBylines(credits);
        item.AsPrinted.Add(line.Text);
        item.ClosedAt = 0;
        if (spliced && cur is not null)
        {
            // A caption spliced into a story: the photo is its own item and the story goes on.
            item.Column = cur.Column;
            item.Host = cur;
            _state.Deferred.Add(item);
            return;
        }
        _state.StartNew(item);
    }

    /// <summary>How many of a story's paragraphs a caption read upwards from a credit line cannot take: a titled
    /// story that opened with its byline or dateline keeps its first paragraph, since a photo's caption does not
    /// open with the story's lead; other stories keep only what came before them.</summary>
    internal static int StoryKeeps(Draft story)
    {
        if (story.Headline is null || (story.Dateline is null && story.Bylines.Count == 0))
        {
            return story.OwnStart;
        }
        var first = story.Body.FindIndex(story.OwnStart, p => p.Kind == ParaKind.Text);
        return first < 0 ? story.OwnStart : first + 1;
    }

    // A short title over a caption that carries its credit, or over one caption line and a credit line: photo
    // news (a title, a caption, no story), not a sub-head of the story above.
    internal bool CaptionFollows(int end)
    {
        var next = _state.NextIndex(end);
        if (next >= 0 && _state.Lines[next] is { Kind: LineKind.PhotoCredit, GapBefore: <= 1 })
        {
            // "本报记者 赵敏 摄" printed under the title, the caption under the credit.
            return _state.Next(next) is { Kind: LineKind.Text, GapBefore: <= 1 } under && under.PhotoCredit is null && TextRules.CountNonSpace(under.Text) <= 200;
        }
        if (next < 0 || _state.Lines[next] is not { Kind: LineKind.Text, GapBefore: <= 1 } caption)
        {
            return false;
        }
        if (caption.PhotoCredit is { Caption.Length: > 0 })
        {
            return true;
        }
        return _state.Next(next) is { Kind: LineKind.PhotoCredit, GapBefore: <= 1 } && TextRules.CountNonSpace(caption.Text) <= 120;
    }

    // Photo news under a title: its caption with the credit (or a caption and a credit line), and then the page
    // goes on with something that is not text (another title, a label, a brief, the margin, the end).
    internal bool PhotoNewsFollows(int end)
    {
        if (!CaptionFollows(end))
        {
            return false;
        }
        var after = _state.NextIndex(_state.NextIndex(end));
        if (after >= 0 && (_state.Lines[after].Kind == LineKind.PhotoCredit || _state.Lines[_state.NextIndex(end)].Kind == LineKind.PhotoCredit))
        {
            after = _state.NextIndex(after);
        }
        return after < 0 || _state.Lines[after].Kind is not (LineKind.Text or LineKind.Dateline or LineKind.Byline or LineKind.CreditLine);
    }

    // A sentence of the story stops, a caption and its credit follow, and the sentence goes on after them: the
    // story is not photo news, the caption was set into it.
    internal bool CaptionCutsSentence(Draft story, int creditIndex) =>
        story.Body.Count >= 2 && !TextRules.EndsSentence(story.Body[^2].Text) && TextRules.EndsSentence(story.Body[^1].Text)
        && _state.Next(creditIndex) is { Kind: LineKind.Text, GapBefore: <= 1 };

    // A photo waiting for a headline that turned out not to start a story stands on its own.
    internal void FlushPendingPhoto()
    {
        if (_state.PendingPhoto is null)
        {
            return;
        }
        var item = new Draft(ArticleKind.Photo, _state.PendingPhoto.Line) { Column = _state.Column };
        item.Photos.Add(_state.PendingPhoto);
        item.AddBylines(_state.PendingPhoto.Credits);
        item.AsPrinted.Add(_state.PendingPhotoPrinted!);
        item.ClosedAt = 0;
        _state.Deferred.Add(item);
        _state.PendingPhoto = null;
    }

    internal static void MakePhotoNews(Draft d, PhotoDraft photo)
    {
        d.Kind = ArticleKind.Photo;
        photo.Title = d.Headline;
        d.Photos.Add(photo);
        d.AddBylines(photo.Credits);
        d.ClosedAt = d.Body.Count;
    }

    // A caption set in two columns and read line by line alternates narrow and wide lines: put each
    // column back together.
    internal static void SetCaption(PhotoDraft photo, List<string> lines)
    {
        if (lines.Count >= 3)
        {
            var widths = lines.Select(TextRules.CountNonSpace).ToList();
            var max = widths.Max();
            var narrow = widths.Select(w => w < max * 0.75).ToList();
            var firstWide = narrow.IndexOf(false);
            var lastNarrow = narrow.LastIndexOf(true);
            if (firstWide >= 0 && lastNarrow > firstWide && narrow[0])
            {
                var left = new StringBuilder();
                var right = new StringBuilder();
                for (var k = 0; k < lines.Count; k++)
                {
                    TextRules.AppendBroken(narrow[k] ? left : right, lines[k].Trim());
                }
                photo.Columns.Add(left.ToString());
                photo.Columns.Add(right.ToString());
                if (!TextRules.EndsSentence(photo.Columns[0]))
                {
                    photo.DanglingColumn = 0;
                }
                return;
            }
        }
        var all = new StringBuilder();
        foreach (var l in lines)
        {
            TextRules.AppendBroken(all, l.Trim());
        }
        photo.Columns.Add(all.ToString());
    }
}
