namespace VoteAlign.Core.Analysis.Scaling;

/// <summary>How members are placed on a line or a plane.</summary>
public enum ScaleMethod
{
    /// <summary>Classical (Torgerson) multidimensional scaling of the agreement distances.</summary>
    Mds,

    /// <summary>A 1-D ideal point from a two-parameter logistic item-response model.</summary>
    Irt,
}
