using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace NewsRoom.Web.Pages;

/// <summary>
/// The site speaks Chinese in its validation messages too. An attribute written without a message, the required
/// check the framework infers for non-nullable properties and the model binder's own messages would otherwise
/// be ASP.NET Core's English ("The 记住我 field is required."), on the page and in the form's data-val attributes.
/// </summary>
public sealed class ChineseValidationMessages : IValidationMetadataProvider
{
    private const string RequiredMessage = "请填写{0}。";

    /// <summary>Adds the provider and the model binder's messages to the MVC options.</summary>
    public static void Apply(MvcOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ModelMetadataDetailsProviders.Add(new ChineseValidationMessages());
        var messages = options.ModelBindingMessageProvider;
        messages.SetMissingBindRequiredValueAccessor(name => $"缺少“{name}”的值。");
        messages.SetMissingKeyOrValueAccessor(() => "缺少值。");
        messages.SetMissingRequestBodyRequiredValueAccessor(() => "请求内容不能为空。");
        messages.SetValueMustNotBeNullAccessor(value => $"“{value}”不是有效的值。");
        messages.SetAttemptedValueIsInvalidAccessor((value, name) => $"“{value}”不是有效的{name}。");
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"“{value}”不是有效的值。");
        messages.SetUnknownValueIsInvalidAccessor(name => $"{name}的值无效。");
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => "值无效。");
        messages.SetValueIsInvalidAccessor(value => $"“{value}”无效。");
        messages.SetValueMustBeANumberAccessor(name => $"{name}必须是数字。");
        messages.SetNonPropertyValueMustBeANumberAccessor(() => "必须是数字。");
    }

    /// <inheritdoc />
    public void CreateValidationMetadata(ValidationMetadataProviderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var validators = context.ValidationMetadata.ValidatorMetadata;
        foreach (var attribute in validators.OfType<ValidationAttribute>())
        {
            if (attribute.ErrorMessage is null && attribute.ErrorMessageResourceType is null)
            {
                attribute.ErrorMessage = DefaultMessage(attribute);
            }
        }
        // A non-nullable value type in a form's input model (a checkbox's bool) is required without an attribute, and
        // the framework then writes its English message into the form; an explicit attribute carries the Chinese one
        // instead. It never fails there: a property of a bound model is never null. A page's own properties are left
        // alone, since a required one missing from the request would be validated as null.
        var type = context.Key.ModelType;
        if (context.Key.MetadataKind == ModelMetadataKind.Property && type.IsValueType && Nullable.GetUnderlyingType(type) is null
            && context.Key.ContainerType is { } container && !typeof(PageModel).IsAssignableFrom(container)
            && !validators.OfType<RequiredAttribute>().Any())
        {
            validators.Add(new RequiredAttribute { ErrorMessage = RequiredMessage });
        }
    }

    private static string DefaultMessage(ValidationAttribute attribute) => attribute switch
    {
        RequiredAttribute => RequiredMessage,
        StringLengthAttribute { MinimumLength: > 0 } => "{0}应为 {2} 到 {1} 个字。",
        StringLengthAttribute or MaxLengthAttribute => "{0}不能超过 {1} 个字。",
        MinLengthAttribute => "{0}至少 {1} 个字。",
        RangeAttribute => "{0}应在 {1} 到 {2} 之间。",
        EmailAddressAttribute => "{0}格式不正确。",
        CompareAttribute => "{0}与{1}不一致。",
        _ => "{0}无效。",
    };
}
