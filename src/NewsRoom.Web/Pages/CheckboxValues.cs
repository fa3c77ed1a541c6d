using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace NewsRoom.Web.Pages;

/// <summary>
/// Binds true/false fields (the checkboxes: 记住我, 主要地区) so that a value that is neither is a validation error,
/// not a server error. The framework's binder keeps such a value ("-1") as the attempted value, and the checkbox tag
/// helper then converts it to a bool while showing the form again, and throws. Here it is refused and remembered as
/// unchecked.
/// </summary>
public sealed class CheckboxValues : IModelBinderProvider, IModelBinder
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Metadata.UnderlyingOrModelType == typeof(bool) ? this : null;
    }

    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        ArgumentNullException.ThrowIfNull(bindingContext);
        var posted = bindingContext.ValueProvider.GetValue(bindingContext.ModelName);
        if (posted == ValueProviderResult.None)
        {
            return Task.CompletedTask;
        }
        // A ticked checkbox posts "true" and its hidden companion "false": the first value counts, as with the framework's binder.
        var value = posted.FirstValue;
        if (string.IsNullOrWhiteSpace(value) && bindingContext.ModelMetadata.IsReferenceOrNullableType)
        {
            bindingContext.ModelState.SetModelValue(bindingContext.ModelName, posted);
            bindingContext.Result = ModelBindingResult.Success(null);
        }
        else if (bool.TryParse(value?.Trim(), out var parsed))
        {
            bindingContext.ModelState.SetModelValue(bindingContext.ModelName, posted);
            bindingContext.Result = ModelBindingResult.Success(parsed);
        }
        else
        {
            bindingContext.ModelState.SetModelValue(bindingContext.ModelName, rawValue: false, attemptedValue: bool.FalseString);
            bindingContext.ModelState.TryAddModelError(bindingContext.ModelName,
                bindingContext.ModelMetadata.ModelBindingMessageProvider.AttemptedValueIsInvalidAccessor(value ?? string.Empty, bindingContext.ModelMetadata.GetDisplayName()));
            bindingContext.Result = ModelBindingResult.Failed();
        }
        return Task.CompletedTask;
    }
}
